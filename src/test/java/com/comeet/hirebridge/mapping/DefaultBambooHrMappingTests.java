package com.comeet.hirebridge.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files of the shipped mapping {@code mappings/bamboohr-create-employee.yaml}: a Comeet hire in
 * {@code src/test/resources/hires/} gives exactly the BambooHR fields in {@code golden/bamboohr-create-employee/}.
 */
class DefaultBambooHrMappingTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HireMapping MAPPING = HireMappingLoader.load(Path.of("mappings/bamboohr-create-employee.yaml"));

    @ParameterizedTest
    @ValueSource(strings = {"realistic-hire", "minimal-hire"})
    void mapsTheHireToExactlyTheGoldenFields(String hire) throws IOException {
        HireMapping.Result result = MAPPING.apply(read("src/test/resources/hires/" + hire + ".json"));

        Map<String, String> golden = JSON.readValue(
                Path.of("src/test/resources/golden/bamboohr-create-employee/" + hire + ".json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() { });
        assertThat(result.fields()).containsExactlyEntriesOf(golden);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void aHireWithoutStartDateIsMissingTheFirstDayOfWork() throws IOException {
        HireMapping.Result result = MAPPING.apply(read("src/test/resources/hires/no-start-date-hire.json"));

        assertThat(result.missing()).containsExactly("The first day of work is missing");
        assertThat(result.fields()).doesNotContainKey("hireDate");
    }

    @Test
    void aHireWithoutNamesIsMissingBothNames() throws IOException {
        HireMapping.Result result = MAPPING.apply(JSON.readTree("{\"start_date\":\"2027-01-03\",\"first_name\":\" \"}"));

        assertThat(result.missing()).containsExactly("The candidate's first name is missing",
                "The candidate's last name is missing");
        assertThat(result.fields()).containsExactly(Map.entry("hireDate", "2027-01-03"));
    }

    @Test
    void theDepartmentAnswerWinsOverThePositionDepartmentAndUidsCompareAsStrings() throws IOException {
        JsonNode hire = JSON.readTree("""
                {"first_name":"Eden","last_name":"Sasson","start_date":"2027-01-03",
                 "position":{"department":"R&D","location":"Haifa"},
                 "partner_questionnaire":[{"uid":"location","answers":["Remote"]},
                                          {"uid":"department","answers":[{"uid":18,"title":"Engineering"}]}]}
                """);

        HireMapping.Result result = MAPPING.apply(hire);

        assertThat(result.fields()).containsEntry("department", "Engineering").containsEntry("location", "Remote");
    }

    @Test
    void listsTheFieldsInTheOrderOfTheFile() throws IOException {
        HireMapping.Result result = MAPPING.apply(read("src/test/resources/hires/realistic-hire.json"));

        assertThat(List.copyOf(result.fields().keySet())).containsExactly("firstName", "middleName", "lastName",
                "homeEmail", "mobilePhone", "homePhone", "hireDate", "jobTitle", "department", "location");
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readAllBytes(Path.of(file)));
    }
}
