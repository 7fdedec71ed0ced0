using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using ChargerController.Hardware.Abstractions.Contactor;
using ChargerController.Station.Safety;

namespace ChargerController.Station.Tests.Safety;

/// <summary>
/// House rule 15: <see cref="PowerPathInterlock"/> is the only code that closes a contactor. Two independent checks:
/// a source scan of every project under src/ (catches future projects too), and an IL scan of the compiled Station
/// assembly (immune to formatting tricks such as a line break before the call).
/// </summary>
public sealed partial class ContactorCloseCallersTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChargerController.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ChargerController.sln not found");
    }

    // `.Close(` with at least one argument: IContactor.Close always takes a PhaseSelection; Stream/SerialPort.Close() take none.
    [GeneratedRegex(@"\.\s*Close\s*\(\s*[^)\s]", RegexOptions.CultureInvariant)]
    private static partial Regex CloseWithArgument();

    [Fact]
    public void SourceScan_OnlyPowerPathInterlockCallsContactorClose()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var sep = Path.DirectorySeparatorChar;
        var offenders = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .Where(f => !IsInterlock(Path.GetRelativePath(src, f)))
            .Where(f =>
            {
                var text = File.ReadAllText(f);
                var touchesContactors = text.Contains("IContactor", StringComparison.Ordinal) || text.Contains("PhaseSelection", StringComparison.Ordinal)
                    || text.Contains("Contactor", StringComparison.Ordinal);
                return touchesContactors && CloseWithArgument().IsMatch(StripComments(text));
            })
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Only Station/Safety/PowerPathInterlock may call IContactor.Close: " + string.Join(", ", offenders));
    }

    [Fact]
    public void SourceScan_FindsTheInterlockCall()
    {
        // Guards the scan itself: if the pattern stopped matching, the test above would pass vacuously.
        var file = Path.Combine(RepositoryRoot(), "src", "ChargerController.Station", "Safety", "PowerPathInterlock.cs");
        Assert.Matches(CloseWithArgument(), StripComments(File.ReadAllText(file)));
    }

    [Fact]
    public void IlScan_StationAssembly_OnlyPowerPathInterlockCallsContactorClose()
    {
        var assembly = typeof(PowerPathInterlock).Assembly;
        var callers = CallersOf(assembly.Location, nameof(IContactor.Close), typeof(IContactor).FullName!);
        Assert.NotEmpty(callers);
        Assert.All(callers, c => Assert.Equal(typeof(PowerPathInterlock).FullName, c));
    }

    private static bool IsInterlock(string relativePath)
    {
        var p = relativePath.Replace('\\', '/');
        return p.StartsWith("ChargerController.Station/Safety/PowerPathInterlock", StringComparison.Ordinal);
    }

    private static string StripComments(string text) =>
        Regex.Replace(text, @"//[^\n]*|/\*.*?\*/", string.Empty, RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>Full names of the types whose methods contain a call to <paramref name="typeName"/>.<paramref name="method"/>.</summary>
    private static List<string> CallersOf(string path, string method, string typeName)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var result = new List<string>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            var typeFullName = FullName(md, type);
            foreach (var methodHandle in type.GetMethods())
            {
                var body = md.GetMethodDefinition(methodHandle).RelativeVirtualAddress;
                if (body == 0)
                {
                    continue;
                }

                var il = pe.GetMethodBody(body).GetILReader();
                while (il.RemainingBytes > 0)
                {
                    var opcode = ReadOpCode(ref il);
                    if (opcode is ILOpCode.Call or ILOpCode.Callvirt)
                    {
                        var token = MetadataTokens.EntityHandle(il.ReadInt32());
                        if (token.Kind == HandleKind.MemberReference)
                        {
                            var member = md.GetMemberReference((MemberReferenceHandle)token);
                            if (md.GetString(member.Name) == method && member.Parent.Kind == HandleKind.TypeReference)
                            {
                                var parent = md.GetTypeReference((TypeReferenceHandle)member.Parent);
                                if (md.GetString(parent.Namespace) + "." + md.GetString(parent.Name) == typeName)
                                {
                                    result.Add(OuterName(typeFullName));
                                }
                            }
                        }
                    }
                    else
                    {
                        SkipOperand(ref il, opcode);
                    }
                }
            }
        }

        return result;
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        var name = md.GetString(type.Name);
        if (type.GetDeclaringType() is { IsNil: false } declaring)
        {
            return FullName(md, md.GetTypeDefinition(declaring)) + "+" + name;
        }

        return md.GetString(type.Namespace) + "." + name;
    }

    // Compiler-generated closures/state machines are nested types: attribute them to their outer type.
    private static string OuterName(string fullName) => fullName.Split('+')[0];

    private static ILOpCode ReadOpCode(ref BlobReader il)
    {
        var b = il.ReadByte();
        return b == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)b;
    }

    private static void SkipOperand(ref BlobReader il, ILOpCode opcode)
    {
        switch (opcode)
        {
            case ILOpCode.Switch:
                var count = il.ReadInt32();
                il.Offset += 4 * count;
                return;
            default:
                il.Offset += OperandSize(opcode);
                return;
        }
    }

    private static int OperandSize(ILOpCode opcode) => opcode switch
    {
        ILOpCode.Br_s or ILOpCode.Brfalse_s or ILOpCode.Brtrue_s or ILOpCode.Beq_s or ILOpCode.Bge_s or ILOpCode.Bgt_s
            or ILOpCode.Ble_s or ILOpCode.Blt_s or ILOpCode.Bne_un_s or ILOpCode.Bge_un_s or ILOpCode.Bgt_un_s
            or ILOpCode.Ble_un_s or ILOpCode.Blt_un_s or ILOpCode.Leave_s or ILOpCode.Ldarg_s or ILOpCode.Ldarga_s
            or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s or ILOpCode.Ldc_i4_s
            or ILOpCode.Unaligned => 1,
        ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc => 2,
        ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8 => 8,
        ILOpCode.Br or ILOpCode.Brfalse or ILOpCode.Brtrue or ILOpCode.Beq or ILOpCode.Bge or ILOpCode.Bgt or ILOpCode.Ble
            or ILOpCode.Blt or ILOpCode.Bne_un or ILOpCode.Bge_un or ILOpCode.Bgt_un or ILOpCode.Ble_un or ILOpCode.Blt_un
            or ILOpCode.Leave or ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4 or ILOpCode.Jmp or ILOpCode.Call or ILOpCode.Calli
            or ILOpCode.Callvirt or ILOpCode.Cpobj or ILOpCode.Ldobj or ILOpCode.Ldstr or ILOpCode.Newobj
            or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Unbox or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld
            or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld or ILOpCode.Stobj or ILOpCode.Box or ILOpCode.Newarr
            or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Unbox_any or ILOpCode.Refanyval
            or ILOpCode.Mkrefany or ILOpCode.Ldtoken or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Initobj
            or ILOpCode.Constrained or ILOpCode.Sizeof => 4,
        _ => 0,
    };
}
