namespace ChargerController.Station.Diagnostics.LogUpload;

/// <summary>How a log goes to an HTTP(S) server (N01.FR.18: the CSMS should accept both).</summary>
public enum LogUploadHttpMethod
{
    /// <summary>PUT of the raw file (application/octet-stream).</summary>
    Put,

    /// <summary>POST of multipart/form-data with one part "uploadfile" naming the file (N01.FR.19).</summary>
    Post,
}
