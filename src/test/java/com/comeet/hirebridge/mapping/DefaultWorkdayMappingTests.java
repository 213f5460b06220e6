package com.comeet.hirebridge.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files of the shipped mapping {@code mappings/workday-hire-employee.yaml}: a Comeet hire in
 * {@code src/test/resources/hires/} gives exactly the Workday values in {@code golden/workday-hire-employee/}, and
 * each reference its {@code wd:type}.
 */
class DefaultWorkdayMappingTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HireMapping MAPPING = HireMappingLoader.load(Path.of("mappings/workday-hire-employee.yaml"));

    @Test
    void mapsTheRealisticHireToExactlyTheGoldenValues() throws IOException {
        HireMapping.Result result = MAPPING.apply(read("src/test/resources/hires/realistic-hire.json"));

        Map<String, String> golden = JSON.readValue(
                Path.of("src/test/resources/golden/workday-hire-employee/realistic-hire.json").toFile(),
                new TypeReference<LinkedHashMap<String, String>>() { });
        assertThat(result.fields()).containsExactlyEntriesOf(golden);
        assertThat(result.missing()).isEmpty();
    }

    @Test
    void givesEveryReferenceItsWorkdayType() {
        Map<String, String> types = new LinkedHashMap<>();
        for (String field : List.of("nameCountry", "phoneDeviceType", "phoneUsage", "emailUsage", "organization",
                "position", "hireReason", "employeeType", "jobProfile", "location", "timeType")) {
            types.put(field, MAPPING.type(field));
        }

        assertThat(types).containsExactly(
                Map.entry("nameCountry", "ISO_3166-1_Alpha-2_Code"),
                Map.entry("phoneDeviceType", "Phone_Device_Type_ID"),
                Map.entry("phoneUsage", "Communication_Usage_Type_ID"),
                Map.entry("emailUsage", "Communication_Usage_Type_ID"),
                Map.entry("organization", "Organization_Reference_ID"),
                Map.entry("position", "Position_ID"),
                Map.entry("hireReason", "General_Event_Subcategory_ID"),
                Map.entry("employeeType", "Employee_Type_ID"),
                Map.entry("jobProfile", "Job_Profile_ID"),
                Map.entry("location", "Location_ID"),
                Map.entry("timeType", "Position_Time_Type_ID"));
        assertThat(MAPPING.type("firstName")).isNull();
    }

    @Test
    void theMinimalHireLacksWhatOnlyTheHireFormCanTellWorkday() throws IOException {
        HireMapping.Result result = MAPPING.apply(read("src/test/resources/hires/minimal-hire.json"));

        assertThat(result.missing()).containsExactly("The position has no position id for Workday",
                "The employee type is missing", "The location is missing",
                "Whether the job is full-time or part-time is missing");
        assertThat(result.fields()).containsExactly(
                Map.entry("nameCountry", "IL"),
                Map.entry("firstName", "Lior"),
                Map.entry("lastName", "Amsalem"),
                Map.entry("phoneCountry", "ISR"),
                Map.entry("phoneDeviceType", "Mobile"),
                Map.entry("phoneUsage", "HOME"),
                Map.entry("email", "lior.amsalem@example.org"),
                Map.entry("emailUsage", "HOME"),
                Map.entry("organization", "SUP_CUSTOMER_SUCCESS"),
                Map.entry("hireDate", "2027-03-15"),
                Map.entry("hireReason", "Hire_Employee_Hire_Employee_New_Hire"),
                Map.entry("jobProfile", "JP_SUPPORT_ENGINEER"),
                Map.entry("businessTitle", "Support Engineer"));
    }

    @Test
    void theAnswersToOurQuestionsWinAndAnUnlistedLocationStillNamesTheNameCountry() throws IOException {
        JsonNode hire = JSON.readTree("""
                {"first_name":"Eden","last_name":"Sasson","start_date":"2027-01-03",
                 "position":{"department":"Product","location":"Haifa","employee_type":"Intern",
                             "employment":"Part-time","position_id":"PRD-040"},
                 "partner_questionnaire":[{"uid":"location","answers":["Tel Aviv"]},
                                          {"uid":"department","answers":[{"uid":18,"title":"R&D"}]}]}
                """);

        HireMapping.Result result = MAPPING.apply(hire);

        assertThat(result.fields()).containsEntry("organization", "SUP_RND").containsEntry("location", "LOC_TEL_AVIV")
                .containsEntry("nameCountry", "IL").containsEntry("employeeType", "Intern")
                .containsEntry("timeType", "Part_time").doesNotContainKey("phone").doesNotContainKey("email");
        assertThat(result.missing()).isEmpty();
        // Haifa is not listed for location, but the answer (Tel Aviv) won; nameCountry lists "*".
        assertThat(result.unlisted()).isEmpty();
    }

    @Test
    void valuesTheValueMapsDoNotListAreReportedWithTheirSourceValue() throws IOException {
        JsonNode hire = JSON.readTree("""
                {"first_name":"Eden","last_name":"Sasson","start_date":"2027-01-03",
                 "position":{"department":"Legal","location":"Haifa","employee_type":"Freelancer",
                             "employment":"Hourly","position_id":"PRD-040","name":"Backend Engineer"}}
                """);

        HireMapping.Result result = MAPPING.apply(hire);

        assertThat(result.unlisted()).containsExactly(Map.entry("organization", "Legal"),
                Map.entry("employeeType", "Freelancer"), Map.entry("jobProfile", "Backend Engineer"),
                Map.entry("location", "Haifa"), Map.entry("timeType", "Hourly"));
        assertThat(result.fields()).containsEntry("organization", "Legal").containsEntry("nameCountry", "IL")
                .containsEntry("phoneCountry", "ISR");
    }

    private static JsonNode read(String file) throws IOException {
        return JSON.readTree(Files.readAllBytes(Path.of(file)));
    }
}
