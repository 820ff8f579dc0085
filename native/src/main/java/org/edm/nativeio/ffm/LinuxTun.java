package org.edm.nativeio.ffm;

/**
 * TUN/TAP constants ({@code linux/if_tun.h}): a TAP device is opened as {@code /dev/net/tun} with
 * {@link LinuxFile#open} and attached with {@link LinuxFile#ioctl}({@code TUNSETIFF}) and a {@code struct ifreq}
 * whose {@code ifr_flags} (a {@code short} at offset 16) holds {@code IFF_TAP | IFF_NO_PI}.
 */
public final class LinuxTun
{
    @CName public static final long TUNSETIFF = 0x400454caL;
    @CName public static final short IFF_TAP = 0x0002;
    @CName public static final short IFF_NO_PI = 0x1000;
    @CName("offsetof(struct ifreq, ifr_flags)")
    public static final long IFREQ_FLAGS_OFFSET = 16;

    private LinuxTun()
    {
    }
}
