package org.edm.nativeio.memory;

import org.edm.nativeio.FramePortConformanceTest;
import org.edm.nativeio.PortOptions;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryPortConformanceTest extends FramePortConformanceTest
{
    protected Link openLink(final PortOptions options)
    {
        final MemoryLink link = MemoryLink.open("test", options);
        return new Link(link.a(), link.b(), null);
    }

    protected boolean lossless()
    {
        return true;
    }

    protected void assertReleased(final Link link, final ResourceSnapshot before)
    {
        super.assertReleased(link, before);
        assertThat(((MemoryPort)link.a()).isClosed()).isTrue();
    }
}
