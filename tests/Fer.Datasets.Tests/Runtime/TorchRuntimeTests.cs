using Fer.Internal;

namespace Fer.Datasets.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void The_load_failure_message_says_why_and_how_to_fix_it()
    {
        var oldSystem = TorchRuntime.DescribeFailure(new DllNotFoundException("libLibTorchSharp.so: cannot open"), libStdCxxOk: false);
        Assert.Contains("older than GCC 12's (it lacks GLIBCXX_3.4.30)", oldSystem);
        Assert.Contains("Debian 12, Ubuntu 22.04 or later", oldSystem);
        Assert.Contains("DllNotFoundException: libLibTorchSharp.so", oldSystem);
        Assert.DoesNotContain("trixie", oldSystem);

        var missingRuntime = TorchRuntime.DescribeFailure(new DllNotFoundException("libtorch.so: cannot open"), libStdCxxOk: true);
        Assert.Contains("references no LibTorch runtime package (add libtorch-cpu-linux-x64", missingRuntime);
        Assert.Contains("FerWeakenLibStdCxxRequirement=false", missingRuntime);
        Assert.Contains("glibc >= 2.34", missingRuntime);
    }

    [Fact]
    public void On_this_machine_the_library_loads_and_the_symbol_is_present()
    {
        TorchRuntime.EnsureAvailable();
        if (OperatingSystem.IsLinux())
        {
            Assert.True(TorchRuntime.LibStdCxxHasRequiredSymbol());
        }
    }

    [Fact]
    public void OneDnn_keeps_its_own_instruction_set_unless_the_user_chose_one()
    {
        // The AVX-512 kernels that were wrong are routed around (ConvolutionGeometryTests); Fer no longer caps oneDNN.
        if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(NativeEnvironment.OneDnnMaxIsaVariable) is null)
        {
            TorchRuntime.EnsureAvailable();
            Assert.Null(NativeEnvironment.Read(NativeEnvironment.OneDnnMaxIsaVariable));
        }
    }

    [Fact]
    public void NNPACK_is_off_once_libtorch_is_loaded()
    {
        TorchRuntime.EnsureAvailable();
        if (OperatingSystem.IsLinux())
        {
            Assert.False(NnpackSwitch.IsEnabled());
        }
    }

    [Fact]
    public void Glibc_keeps_tensor_buffers_in_the_heap_unless_the_user_tunes_malloc()
    {
        var userTunes = new[] { "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "GLIBC_TUNABLES" }.Any(v => Environment.GetEnvironmentVariable(v) is not null);
        if (OperatingSystem.IsLinux() && !userTunes)
        {
            Assert.True(NativeEnvironment.AllocatorConfigured, "mallopt refused the thresholds");
        }
        else
        {
            Assert.False(NativeEnvironment.AllocatorConfigured);
        }
    }
}
