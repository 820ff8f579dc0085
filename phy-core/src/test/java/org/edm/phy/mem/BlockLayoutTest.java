package org.edm.phy.mem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden payloads for every memory block layout, worked out by hand from the diagrams in the layout classes. */
class BlockLayoutTest
{
    @Test
    void shouldPlaceHeaderFieldsAsInSection26()
    {
        // length 64 at [63:48], source 1 at [47:28], destination 2 at [27:8], type 0x0A
        final long payload = HeaderBlock.encode(MemoryBlockTypes.RREQ_FIRST, 64, 1, 2);
        assertThat(payload).isEqualTo(0x0040_0000_1000_020AL);
        assertThat(HeaderBlock.length(payload)).isEqualTo(64);
        assertThat(HeaderBlock.source(payload)).isEqualTo(1);
        assertThat(HeaderBlock.destination(payload)).isEqualTo(2);
    }

    @Test
    void shouldUseTheFullWidthOfEveryHeaderField()
    {
        final long payload = HeaderBlock.encode(0x0C, 0xFFFF, 0xFFFFF, 0xABCDE);
        assertThat(payload).isEqualTo(0xFFFF_FFFF_FABC_DE0CL);
        assertThat(HeaderBlock.source(payload)).isEqualTo(0xFFFFF);
        assertThat(HeaderBlock.destination(payload)).isEqualTo(0xABCDE);
    }

    @Test
    void shouldPlaceTagKeyAndFlags()
    {
        final long payload = TagBlock.encode(0x1A, 0x1234, 0xCAFEBABE, TagBlock.FLAG_RESUME);
        assertThat(payload).isEqualTo(0x1234_CAFE_BABE_011AL);
        assertThat(TagBlock.tag(payload)).isEqualTo(0x1234);
        assertThat(TagBlock.key(payload)).isEqualTo(0xCAFEBABE);
        assertThat(TagBlock.flags(payload)).isEqualTo(1);
    }

    @Test
    void shouldPlaceA56BitAddress()
    {
        final long payload = AddressBlock.encode(0x2A, 0x00AB_CDEF_0123_4567L);
        assertThat(payload).isEqualTo(0xABCD_EF01_2345_672AL);
        assertThat(AddressBlock.address(payload)).isEqualTo(0x00AB_CDEF_0123_4567L);
    }

    @Test
    void shouldPutTheFirstDataByteRightAfterTheType()
    {
        assertThat(DataBlock.encode7(0x1C, 0x0706_0504_0302_01L, 7)).isEqualTo(0x0706_0504_0302_011CL);
        assertThat(DataBlock.encode7(0x2C, 0xFFFF_FFFF_FFFF_FFFFL, 2)).isEqualTo(0xFFFF_2CL);
        assertThat(DataBlock.encode8(0x0807_0605_0403_0201L, 8)).isEqualTo(0x0807_0605_0403_0201L);
        assertThat(DataBlock.encode8(-1L, 3)).isEqualTo(0xFF_FFFFL);
        assertThat(DataBlock.sync8(MemoryBlockTypes.CLASS_WREQ)).isEqualTo(0b00);
        assertThat(DataBlock.sync8(MemoryBlockTypes.CLASS_RRESP)).isEqualTo(0b11);
    }

    @Test
    void shouldPlaceNotifGrantAndAckFields()
    {
        final long notif = NotifBlock.encode(1024, 0xBEEF, 0, 7);
        assertThat(notif).isEqualTo(0x0400_BEEF_0000_070DL);
        assertThat(NotifBlock.receiver(notif)).isEqualTo(7);

        final long grant = GrantBlock.encode(256, 3, GrantBlock.FLAG_RESPONSE, 0x12345);
        assertThat(grant).isEqualTo(0x0100_0003_1123_450EL);
        assertThat(GrantBlock.isForResponse(grant)).isTrue();
        assertThat(GrantBlock.peer(grant)).isEqualTo(0x12345);

        final long ack = AckBlock.encode(0, 9, CompletionStatus.OUT_OF_BOUNDS, 5);
        assertThat(ack).isEqualTo(0x0000_0009_2000_050FL);
        assertThat(AckBlock.status(ack)).isEqualTo(CompletionStatus.OUT_OF_BOUNDS);
    }

    @Test
    void shouldPlaceNetsimFields()
    {
        final long header = NetsimBlocks.header(0x0B, 5840, 3, 143, 1000);
        assertThat(NetsimBlocks.headerLength(header)).isEqualTo(5840);
        assertThat(NetsimBlocks.headerSource(header)).isEqualTo(3);
        assertThat(NetsimBlocks.headerDestination(header)).isEqualTo(143);
        assertThat(NetsimBlocks.headerTag(header)).isEqualTo(1000);
        assertThat(header).isEqualTo((5840L << 42) | (3L << 32) | (143L << 22) | (1000L << 8) | 0x0B);

        final long body = NetsimBlocks.body(0x2B, 729, 143, 1000);
        assertThat(NetsimBlocks.bodyIndex(body)).isEqualTo(729);
        assertThat(NetsimBlocks.bodyRequester(body)).isEqualTo(143);
        assertThat(NetsimBlocks.bodyTag(body)).isEqualTo(1000);
    }

    @Test
    void shouldClassifyMemoryTypesAndNothingElse()
    {
        int count = 0;
        for (int type = 0; type < 256; type++)
        {
            if (MemoryBlockTypes.isMemoryType(type))
            {
                count++;
                assertThat(org.edm.phy.pcs.BlockTypes.isClause49(type)).isFalse();
                assertThat(type).isNotEqualTo(0x77);
            }
        }
        assertThat(count).isEqualTo(12);
        // the types this project adds stay at most 0x1E, where the RX shim treats control types as "not frame data"
        assertThat(java.util.List.of(MemoryBlockTypes.NOTIF, MemoryBlockTypes.GRANT, MemoryBlockTypes.ACK))
            .allMatch(type -> type <= 0x1E);
        assertThat(MemoryBlockTypes.name(0x2B)).isEqualTo("RRESP/last");
        assertThat(MemoryBlockTypes.isMemoryBlock(0b00, 0, true)).isTrue();
        assertThat(MemoryBlockTypes.isMemoryBlock(0b00, 0, false)).isFalse();
        assertThat(MemoryBlockTypes.isMemoryBlock(0b10, 0x0A, true)).isFalse();
    }
}
