// Placeholder entry point; the generator arrives with the message model (issue 2).
return 0;
