package org.edm.sim;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonWriterTest
{
    @Test
    void shouldSeparateArrayElementsOfEveryKind()
    {
        final JsonWriter json = new JsonWriter().beginObject();
        json.name("numbers").beginArray().value(1).value(2.5).value(Double.NaN).endArray();
        json.name("pairs").beginArray();
        json.beginArray().value(0.0).value(1.0).endArray();
        json.beginArray().value(100.0).value(2.0).endArray();
        json.endArray();
        json.name("objects").beginArray();
        json.beginObject().name("a").value("x").endObject();
        json.beginObject().endObject();
        json.endArray();
        json.name("empty").beginArray().endArray();
        json.name("after").value(true);
        json.endObject();

        assertThat(JsonParser.parse(json.toString())).isEqualTo(Map.of(
            "numbers", Arrays.asList(1.0, 2.5, null),
            "pairs", List.of(List.of(0.0, 1.0), List.of(100.0, 2.0)),
            "objects", List.of(Map.of("a", "x"), Map.of()),
            "empty", List.of(),
            "after", true));
        assertThat(json.toString()).contains("\"pairs\": [[0.0, 1.0], [100.0, 2.0]]");
    }

    @Test
    void shouldWriteAnArrayAtTheTopLevel()
    {
        final String text = new JsonWriter().beginArray().value("a").value(3).endArray().toString();

        assertThat(text).isEqualTo("[\"a\", 3]\n");
    }
}
