namespace ChargerController.Worker.ControlSocket;

/// <summary>A group of control-socket commands; the composition root registers the modules that apply (sim.* only with --simulate).</summary>
internal interface IControlCommandModule
{
    void Register(ControlRequestRouter router);
}
