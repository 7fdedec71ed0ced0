namespace ChargerController.Ocpp.Generator;

/// <summary>One line of <c>ActionBlocks.csv</c>: action, its Part 2 functional block and who sends the request.</summary>
internal sealed record ActionRow(string Action, string Block, string Sender);
