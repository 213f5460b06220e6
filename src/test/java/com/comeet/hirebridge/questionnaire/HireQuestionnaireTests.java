package com.comeet.hirebridge.questionnaire;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.comeet.hirebridge.AcmeOnBambooHrStandIn;
import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.inbound.ComeetAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hire questionnaire webhook, end to end: the running bridge, real HTTP on loopback, and the BambooHR stand-in
 * serving its list fields as the contract describes them. Questions are those of application-questionnaire.yaml.
 */
@ActiveProfiles("questionnaire")
@ExtendWith(OutputCaptureExtension.class)
class HireQuestionnaireTests extends AcmeOnBambooHrStandIn {

    private static final String QUESTIONNAIRE = "/comeet/acme/hire-questionnaire";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** BambooHR's list fields as the contract describes them: Quality Assurance is archived. */
    private static final String LISTS = """
            [{"fieldId":"4","manageable":"yes","multiple":"no","name":"Department","alias":"department","options":[
               {"id":18,"archived":"no","createdDate":"2024-01-15T09:00:00+00:00","archivedDate":null,
                "name":"Engineering"},
               {"id":22,"archived":"yes","createdDate":"2023-03-01T09:00:00+00:00",
                "archivedDate":"2026-06-30T17:00:00+00:00","name":"Quality Assurance"},
               {"id":19,"archived":"no","createdDate":"2024-01-15T09:00:00+00:00","archivedDate":null,
                "name":"R&D \\"Platform\\""}]},
             {"fieldId":"1355","manageable":"yes","multiple":"no","name":"Division","alias":"division","options":[
               {"id":31,"archived":"no","name":"North America"}]}]
            """;
    private static final String DEPARTMENT_QUESTION = "{\"uid\":\"department\",\"type\":\"dropdown\","
            + "\"title\":\"Department in BambooHR\",\"required\":true,\"options\":[{\"uid\":\"18\","
            + "\"title\":\"Engineering\"},{\"uid\":\"19\",\"title\":\"R&D \\\"Platform\\\"\"}]}";
    private static final String PREFERRED_NAME_QUESTION = "{\"uid\":\"preferred_name\",\"type\":\"short_answer\","
            + "\"title\":\"Preferred first name (\\\"nickname\\\")\",\"required\":false,\"options\":[]}";

    @Autowired
    private OptionLists optionLists;

    @Autowired
    private CompanyDirectory companies;

    @Autowired
    private LoggingSystem logging;

    @DynamicPropertySource
    static void initech(DynamicPropertyRegistry registry) {
        registry.add("test.bamboohr.initech-base-url", () -> BAMBOOHR.baseUrl("initech"));
    }

    private Company acme() {
        return companies.find("acme").orElseThrow();
    }

    private void acmeListsRead() {
        BAMBOOHR.listFieldsAnswer("acme", LISTS);
        optionLists.refresh(acme()).join();
    }

    /** The realistic hire as the questionnaire receives it: before the Hire form, so without answers. */
    private static byte[] candidate(String department, String location, String employeeType) throws Exception {
        ObjectNode candidate = (ObjectNode) JSON.readTree(Path.of("src/test/resources/hires/realistic-hire.json")
                .toFile());
        candidate.remove("partner_questionnaire");
        ObjectNode position = (ObjectNode) candidate.path("position");
        position.put("department", department);
        position.put("location", location);
        position.put("employee_type", employeeType);
        return JSON.writeValueAsBytes(candidate);
    }

    private List<String> askedUids(byte[] candidate) throws Exception {
        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate, SECRET);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<String> uids = new ArrayList<>();
        JSON.readTree(answer.body()).path("questions").forEach(question -> uids.add(question.path("uid").asText()));
        return uids;
    }

    @Test
    void answersWithTheActiveOptionsOfBambooHrsListAndNeverCallsBambooHrMeanwhile(CapturedOutput output)
            throws Exception {
        acmeListsRead();
        List<LoggedRequest> reads = BAMBOOHR.listFieldsRequests();

        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate("Product", "Jerusalem", "Headcount"),
                SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(answer.body()).isEqualTo("{\"questions\":[" + DEPARTMENT_QUESTION + "," + PREFERRED_NAME_QUESTION
                + "]}");
        assertThat(BAMBOOHR.listFieldsRequests()).hasSameSizeAs(reads).singleElement().satisfies(read -> {
            assertThat(read.getUrl()).isEqualTo("/api/gateway.php/acme/v1/meta/lists");
            assertThat(read.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString("acme-bamboohr-key:x".getBytes(StandardCharsets.UTF_8)));
            assertThat(read.getHeader("Accept")).isEqualTo("application/json");
        });
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
        assertThat(output.getOut()).doesNotContain("Questionnaire outcome");
    }

    @Test
    void logsAnAnswerAtDebugAndARefusalAtInfo(CapturedOutput output) throws Exception {
        acmeListsRead();
        logging.setLogLevel(ComeetAnswers.class.getName(), LogLevel.DEBUG);
        try {
            comeet.post(QUESTIONNAIRE, candidate("Product", "Jerusalem", "Headcount"), SECRET);
        } finally {
            logging.setLogLevel(ComeetAnswers.class.getName(), null);
        }
        comeet.post(QUESTIONNAIRE, "{\"comeet_id\":".getBytes(StandardCharsets.UTF_8), SECRET);

        assertThat(output.getOut()).containsPattern("DEBUG .* Questionnaire outcome: company=acme candidate=3C1.B52 "
                + "result=answered status=200 questions=2 duration_ms=\\d+");
        assertThat(output.getOut()).containsPattern(" INFO .* Questionnaire outcome: company=acme candidate=- "
                + "result=invalid-json status=400 questions=- duration_ms=\\d+");
    }

    @Test
    void aConditionAsksAQuestionOnlyOfTheCandidatesItNames() throws Exception {
        acmeListsRead();

        assertThat(askedUids(candidate("R&D", "Tel Aviv", "Headcount")))
                .containsExactly("department", "preferred_name", "laptop", "visa_until");
        assertThat(askedUids(candidate("R&D", "Jerusalem", "Headcount")))
                .containsExactly("department", "preferred_name", "laptop");
        assertThat(askedUids(candidate("Product", "Haifa", "Headcount")))
                .containsExactly("department", "preferred_name", "visa_until");
        assertThat(askedUids(candidate("Product", "Haifa", "Intern")))
                .containsExactly("department", "preferred_name");
        assertThat(askedUids(candidate("r&d", "tel aviv", "Headcount")))
                .containsExactly("department", "preferred_name");

        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate("R&D", "Haifa", "Headcount"), SECRET);
        assertThat(answer.body()).isEqualTo("{\"questions\":[" + DEPARTMENT_QUESTION + "," + PREFERRED_NAME_QUESTION
                + ",{\"uid\":\"laptop\",\"type\":\"dropdown\",\"title\":\"Laptop\",\"required\":false,\"options\":["
                + "{\"uid\":\"mac\",\"title\":\"MacBook\"},{\"uid\":\"7\",\"title\":\"ThinkPad\"}]},"
                + "{\"uid\":\"visa_until\",\"type\":\"date_picker\",\"title\":\"Work visa valid until\","
                + "\"required\":false,\"options\":[]}]}");
    }

    @Test
    void aCandidateWithoutThePathsOfAConditionIsNotAskedItsQuestion() throws Exception {
        acmeListsRead();

        assertThat(askedUids("{\"comeet_id\":\"3C1.Z01\"}".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("department", "preferred_name");
    }

    @Test
    void bambooHrDownServesTheListsReadBefore(CapturedOutput output) throws Exception {
        acmeListsRead();
        BAMBOOHR.listFieldsFail("acme", 503);

        optionLists.refresh(acme()).join();
        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate("Product", "Jerusalem", "Headcount"),
                SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"questions\":[" + DEPARTMENT_QUESTION + "," + PREFERRED_NAME_QUESTION
                + "]}");
        assertThat(output.getOut()).containsPattern("WARN .* Could not read the questionnaire's option lists: "
                + "company=acme target=bamboohr error=BambooHR answered 503 duration_ms=\\d+; keeping those read at "
                + "20\\d\\d-");
    }

    @Test
    void bambooHrUnreachableServesTheListsReadBefore() throws Exception {
        acmeListsRead();
        BAMBOOHR.listFieldsDropConnection("acme");

        optionLists.refresh(acme()).join();
        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate("Product", "Jerusalem", "Headcount"),
                SECRET);

        assertThat(answer.body()).isEqualTo("{\"questions\":[" + DEPARTMENT_QUESTION + "," + PREFERRED_NAME_QUESTION
                + "]}");
    }

    @Test
    void aListNeverReadGivesTheQuestionWithoutOptionsNotRequiredAndAWarning(CapturedOutput output) throws Exception {
        byte[] candidate = candidate("Product", "Jerusalem", "Headcount");

        HttpResponse<String> answer = comeet.post("/comeet/initech/hire-questionnaire", candidate,
                "initech-secret");
        HttpResponse<String> again = comeet.post("/comeet/initech/hire-questionnaire", candidate,
                "initech-secret");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"questions\":[{\"uid\":\"division\",\"type\":\"search_dropdown\","
                + "\"title\":\"Division\",\"required\":false,\"options\":[]}]}");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(answer.body());
        String warning = "Questionnaire asks a question without options: company=initech question=division "
                + "options-from=division: the list has never been read from the HRIS";
        assertThat(output.getOut()).containsPattern("WARN .* " + Pattern.quote(warning));
        assertThat(output.getOut().split(Pattern.quote(warning), -1)).hasSize(2);
    }

    @Test
    void anUnknownCompanyIsNotFound() throws Exception {
        HttpResponse<String> answer = comeet.post("/comeet/globex/hire-questionnaire",
                candidate("R&D", "Haifa", "Headcount"), SECRET);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"This hire bridge has no company at this URL. "
                + "Check the URL on Comeet's Integrations page.\"}");
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        byte[] candidate = candidate("R&D", "Haifa", "Headcount");

        for (String secret : new String[] {"not-the-secret", "initech-secret", null}) {
            HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, candidate, secret);

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"display_message\":\"This request is not signed with the "
                    + "company's Comeet Secret Key. Check that the Secret Key configured in the hire bridge is the "
                    + "one Comeet shows.\"}");
        }
    }

    @Test
    void aBodyThatIsNotACandidateIsABadRequest() throws Exception {
        byte[] notJson = "{\"comeet_id\":".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> answer = comeet.post(QUESTIONNAIRE, notJson, SECRET);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"display_message\":\"The hire's content is not valid JSON. Submit the "
                + "hire again; if it keeps failing, contact IT.\"}");
    }

    @Test
    void theRequestFilterGuardsTheQuestionnaireToo() throws Exception {
        HttpResponse<String> get = comeet.send(HttpRequest.newBuilder(URI.create(comeet.url(QUESTIONNAIRE))).GET());
        HttpResponse<String> tooLarge = comeet.post(QUESTIONNAIRE, new byte[1024 * 1024 + 1], SECRET);

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).isEqualTo("{\"display_message\":\"This address does not accept this method; "
                + "Comeet's webhooks accept only POST.\"}");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo("{\"display_message\":\"The hire is larger than this bridge accepts. "
                + "Contact IT.\"}");
    }

    @Test
    void aHireWhoseAnswersPickADepartmentCreatesTheEmployeeWithThatDepartment() throws Exception {
        acmeListsRead();
        BAMBOOHR.createEmployeeAnswers(40610);
        JsonNode questionnaire = JSON.readTree(comeet.post(QUESTIONNAIRE, candidate("Product", "Jerusalem",
                "Headcount"), SECRET).body());
        JsonNode engineering = questionnaire.path("questions").path(0).path("options").path(0);
        ObjectNode hire = (ObjectNode) JSON.readTree(Path.of("src/test/resources/hires/realistic-hire.json")
                .toFile());
        hire.putArray("partner_questionnaire").addObject().put("uid", "department").putArray("answers")
                .add(engineering);

        HttpResponse<String> answer = comeet.post(WEBHOOK, JSON.writeValueAsBytes(hire), SECRET);

        assertThat(engineering.toString()).isEqualTo("{\"uid\":\"18\",\"title\":\"Engineering\"}");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .isEqualTo("{\"employee_id\":\"40610\",\"status\":\"created\",\"target\":\"bamboohr\"}");
        assertThat(BAMBOOHR.createEmployeeRequests()).singleElement().satisfies(request -> assertThat(
                new String(request.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"firstName\":\"אביגיל\","
                + "\"middleName\":\"Rose\",\"lastName\":\"Mizrahi 🚀\",\"homeEmail\":\"avigail.mizrahi@example.org\","
                + "\"mobilePhone\":\"+972-52-555-0161\",\"homePhone\":\"+972-2-555-0117\",\"hireDate\":\"2027-02-01\","
                + "\"jobTitle\":\"Senior Product Designer\",\"department\":\"Engineering\","
                + "\"location\":\"Jerusalem\"}"));
        assertThat(BAMBOOHR.contractViolations()).isEmpty();
    }

    @Test
    void anUnansweredDepartmentQuestionLeavesThePositionsDepartment() throws Exception {
        BAMBOOHR.createEmployeeAnswers(40611);
        ObjectNode hire = (ObjectNode) JSON.readTree(Path.of("src/test/resources/hires/realistic-hire.json")
                .toFile());
        hire.putArray("partner_questionnaire").addObject().put("uid", "department").putArray("answers");

        HttpResponse<String> answer = comeet.post(WEBHOOK, JSON.writeValueAsBytes(hire), SECRET);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new String(BAMBOOHR.createEmployeeRequests().get(0).getBody(), StandardCharsets.UTF_8))
                .contains("\"department\":\"Product\"");
    }
}
