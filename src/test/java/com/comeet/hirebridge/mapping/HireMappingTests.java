package com.comeet.hirebridge.mapping;

import java.io.StringReader;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules a mapping file can express: sources in order, value maps with a catch-all, defaults, answers.
 */
class HireMappingTests {

    /** Decimals kept exact, as the bridge reads Comeet's payload. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static HireMapping mapping(String yaml) {
        return HireMappingLoader.parse("test.yaml", new Yaml().compose(new StringReader(yaml)));
    }

    private static Map<String, String> fields(String yaml, String hire) throws Exception {
        return mapping(yaml).apply(JSON.readTree(hire)).fields();
    }

    @Test
    void translatesValuesThroughTheValueMapAndItsCatchAll() throws Exception {
        String yaml = """
                fields:
                  employmentStatus:
                    from: $.position.employment
                    values: { "Full-time": "Full-Time", "Part-time": "Part-Time", "*": "Other" }
                """;

        assertThat(fields(yaml, "{\"position\":{\"employment\":\"Full-time\"}}"))
                .containsExactly(Map.entry("employmentStatus", "Full-Time"));
        assertThat(fields(yaml, "{\"position\":{\"employment\":\"Freelance\"}}"))
                .containsExactly(Map.entry("employmentStatus", "Other"));
    }

    @Test
    void keepsAnUnlistedValueWhenThereIsNoCatchAll() throws Exception {
        String yaml = """
                fields:
                  location:
                    from: $.position.location
                    values: { "Tel Aviv": "TLV" }
                """;

        assertThat(fields(yaml, "{\"position\":{\"location\":\"Haifa\"}}"))
                .containsExactly(Map.entry("location", "Haifa"));
    }

    @Test
    void usesTheDefaultWhenNoSourceHasAValue() throws Exception {
        String yaml = """
                fields:
                  country:
                    from: $.position.country
                    default: Israel
                """;

        assertThat(fields(yaml, "{\"position\":{}}")).containsExactly(Map.entry("country", "Israel"));
    }

    @Test
    void readsADropdownAnswerAsTitleOrUidAndAShortAnswerAsText() throws Exception {
        String yaml = """
                fields:
                  division: { from: answer(division) }
                  divisionId: { from: answer(division).uid }
                  divisionTitle: { from: answer(division).title }
                  preferredName: { from: answer(7) }
                """;
        String hire = """
                {"partner_questionnaire":[{"uid":"division","answers":[{"uid":4,"title":"North America"}]},
                                          {"uid":7,"answers":["Sam"]}]}
                """;

        assertThat(fields(yaml, hire)).containsExactly(Map.entry("division", "North America"),
                Map.entry("divisionId", "4"), Map.entry("divisionTitle", "North America"),
                Map.entry("preferredName", "Sam"));
    }

    @Test
    void takesTheFirstMatchOfAWildcardPathAndWritesNumbersPlainly() throws Exception {
        String yaml = """
                fields:
                  pto: { from: "$.offer_fields[*].PTO" }
                  costCenter: { from: "$.position.custom_fields['Cost center']" }
                """;
        String hire = """
                {"offer_fields":[{"Car type":"Mini"},{"PTO":25.0}],"position":{"custom_fields":{"Cost center":4410}}}
                """;

        assertThat(fields(yaml, hire)).containsExactly(Map.entry("pto", "25"), Map.entry("costCenter", "4410"));
    }

    @Test
    void treatsAnObjectOrArrayAtThePathAsMissing() throws Exception {
        JsonNode hire = JSON.readTree("{\"position\":{\"hiring_manager\":{\"first_name\":\"Dana\"}}}");
        HireMapping mapping = mapping("""
                fields:
                  manager:
                    from: $.position.hiring_manager
                    required: The hiring manager is missing
                """);

        assertThat(mapping.apply(hire).missing()).containsExactly("The hiring manager is missing");
    }

    @Test
    void writesAHugeExponentShortlyAsJavaScriptWould() throws Exception {
        String yaml = """
                fields:
                  big: { from: $.big }
                  small: { from: $.small }
                  plain: { from: $.plain }
                """;

        assertThat(fields(yaml, "{\"big\":1e99999999,\"small\":1.5e-9,\"plain\":1.25e3}"))
                .containsExactly(Map.entry("big", "1E+99999999"), Map.entry("small", "1.5E-9"),
                        Map.entry("plain", "1250"));
    }
}
