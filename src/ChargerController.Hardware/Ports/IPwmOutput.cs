namespace ChargerController.Hardware.Ports;

/// <summary>One hardware PWM channel.</summary>
public interface IPwmOutput : IDisposable
{
    /// <summary>Whether the channel is running.</summary>
    bool IsRunning { get; }

    /// <summary>Current duty cycle, 0.0–1.0 (fraction of the period the output is high).</summary>
    double DutyCycle { get; }

    /// <summary>Starts (or re-starts) the output.</summary>
    /// <param name="frequencyHz">Frequency in hertz (1000 for the control pilot).</param>
    /// <param name="dutyCycle">Duty cycle 0.0–1.0.</param>
    void Start(double frequencyHz, double dutyCycle);

    /// <summary>Changes the duty cycle of a running output without a glitch.</summary>
    /// <param name="dutyCycle">Duty cycle 0.0–1.0.</param>
    void SetDutyCycle(double dutyCycle);

    /// <summary>Stops the output (line held low).</summary>
    void Stop();
}
