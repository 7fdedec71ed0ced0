namespace ChargerController.Storage.Migrations;

/// <summary>One embedded migration script.</summary>
/// <param name="Version">The <c>PRAGMA user_version</c> the database has after this script (its file number).</param>
/// <param name="Name">Resource name, e.g. <c>0001_initial.sql</c>.</param>
/// <param name="Sql">The script.</param>
public sealed record Migration(int Version, string Name, string Sql);
