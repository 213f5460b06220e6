package com.comeet.hirebridge.questionnaire;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A company's questionnaire, written in YAML as an operator writes it and bound as the service binds it, is read
 * exactly when valid and refused at start-up, naming the key and the question, when it is not.
 */
class QuestionnaireDirectoryTests {

    private static final String BAMBOOHR = "https://api.bamboohr.com/api/gateway.php/acme";

    /** The questionnaire of company acme, given as the YAML lines under its {@code questionnaire} key. */
    private static QuestionnaireDirectory acme(String questions) {
        HireBridgeProperties properties = OperatorYaml.acme(BAMBOOHR, questions, "");
        return new QuestionnaireDirectory(properties, new CompanyDirectory(properties));
    }

    private static List<Question> acmeQuestions(String questions) {
        HireBridgeProperties properties = OperatorYaml.acme(BAMBOOHR, questions, "");
        CompanyDirectory companies = new CompanyDirectory(properties);
        return new QuestionnaireDirectory(properties, companies).of(companies.find("acme").orElseThrow());
    }

    @Test
    void readsTheQuestionsOfTheIssueExactly() throws Exception {
        List<Question> questions = acmeQuestions("""
                - uid: department
                  type: dropdown
                  title: " Department in BambooHR "
                  required: true
                  options-from: department
                - uid: laptop
                  type: dropdown
                  title: Laptop
                  options:
                    - { uid: mac, title: MacBook }
                    - { uid: 7, title: ThinkPad }
                  when:
                    position.department: R&D
                    position.location: [Tel Aviv, Haifa]
                - uid: 42
                  type: date_picker
                  title: Work visa valid until
                """);

        assertThat(questions).extracting(Question::uid).containsExactly("department", "laptop", "42");
        Question department = questions.get(0);
        assertThat(department.type()).isEqualTo(QuestionType.DROPDOWN);
        assertThat(department.title()).isEqualTo("Department in BambooHR");
        assertThat(department.required()).isTrue();
        assertThat(department.optionsFrom()).isEqualTo("department");
        assertThat(department.options()).isEmpty();
        assertThat(department.condition().rules()).isEmpty();
        Question laptop = questions.get(1);
        assertThat(laptop.required()).isFalse();
        assertThat(laptop.optionsFrom()).isNull();
        assertThat(laptop.options()).containsExactly(new QuestionOption("mac", "MacBook"),
                new QuestionOption("7", "ThinkPad"));
        assertThat(laptop.condition().rules()).isEqualTo(Map.of("position.department", Set.of("R&D"),
                "position.location", Set.of("Tel Aviv", "Haifa")));
        ObjectMapper json = new ObjectMapper();
        assertThat(laptop.condition().holdsFor(json.readTree(
                "{\"position\":{\"department\":\"R&D\",\"location\":\"Haifa\"}}"))).isTrue();
        assertThat(laptop.condition().holdsFor(json.readTree(
                "{\"position\":{\"department\":\"R&D\",\"location\":\"Jerusalem\"}}"))).isFalse();
        assertThat(questions.get(2).type()).isEqualTo(QuestionType.DATE_PICKER);
    }

    @Test
    void namesTheListFieldsToReadFromTheHris() {
        HireBridgeProperties properties = OperatorYaml.acme(BAMBOOHR, """
                - { uid: department, type: dropdown, title: Department, options-from: department }
                - { uid: division, type: search_dropdown, title: Division, options-from: division }
                - { uid: team, type: dropdown, title: Team, options-from: department }
                """, "");
        CompanyDirectory companies = new CompanyDirectory(properties);

        assertThat(new QuestionnaireDirectory(properties, companies).listFields(companies.find("acme").orElseThrow()))
                .containsExactly("department", "division");
    }

    @Test
    void aCompanyWithoutQuestionsAsksNone() {
        HireBridgeProperties properties = OperatorYaml.acme(BAMBOOHR, "", "");
        CompanyDirectory companies = new CompanyDirectory(properties);

        assertThat(new QuestionnaireDirectory(properties, companies).of(companies.find("acme").orElseThrow()))
                .isEmpty();
    }

    @Test
    void refusesAnUnknownType() {
        assertThatThrownBy(() -> acme("- { uid: laptop, type: checkbox, title: Laptop }"))
                .isInstanceOf(CompanyConfigurationException.class)
                .hasMessage("hirebridge.companies.acme.questionnaire[0].type (question 'laptop') is 'checkbox': one of "
                        + "short_answer, date_picker, dropdown, search_dropdown");
        assertThatThrownBy(() -> acme("- { uid: laptop, title: Laptop }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].type (question 'laptop') is missing: one of "
                        + "short_answer, date_picker, dropdown, search_dropdown");
    }

    @Test
    void refusesADropdownWithNeitherOptionsNorOptionsFrom() {
        assertThatThrownBy(() -> acme("- { uid: laptop, type: dropdown, title: Laptop }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0] (question 'laptop') is a dropdown without "
                        + "options: set options, or options-from to read them from the HRIS");
    }

    @Test
    void refusesADropdownWithBothOptionsAndOptionsFrom() {
        assertThatThrownBy(() -> acme("""
                - uid: department
                  type: search_dropdown
                  title: Department
                  options-from: department
                  options: [{ uid: rnd, title: R&D }]
                """))
                .hasMessage("hirebridge.companies.acme.questionnaire[0] (question 'department') has both options and "
                        + "options-from: keep one");
    }

    @Test
    void refusesOptionsOnAQuestionThatHasNone() {
        assertThatThrownBy(() -> acme("- { uid: nickname, type: short_answer, title: Nickname, options-from: x }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].options-from (question 'nickname') is set, "
                        + "but a short_answer question has no options: make it a dropdown or search_dropdown, or "
                        + "remove it");
    }

    @Test
    void refusesTwoQuestionsWithOneUid() {
        assertThatThrownBy(() -> acme("""
                - { uid: laptop, type: short_answer, title: Laptop model }
                - { uid: department, type: dropdown, title: Department, options-from: department }
                - { uid: laptop, type: dropdown, title: Laptop, options: [{ uid: mac, title: MacBook }] }
                """))
                .hasMessage("hirebridge.companies.acme.questionnaire[2].uid 'laptop' is already the uid of "
                        + "questionnaire[0]: each question needs its own");
    }

    @Test
    void refusesTwoChoicesWithOneUid() {
        assertThatThrownBy(() -> acme("""
                - uid: laptop
                  type: dropdown
                  title: Laptop
                  options: [{ uid: mac, title: MacBook }, { uid: mac, title: MacBook Air }]
                """))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].options[1].uid (question 'laptop') 'mac' is "
                        + "already the uid of another choice of this question");
    }

    @Test
    void refusesAMissingUidOrTitleAndAUidWithOtherCharacters() {
        assertThatThrownBy(() -> acme("- { type: short_answer, title: Nickname }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].uid is missing: the question's id, which "
                        + "Comeet echoes back with the answer");
        assertThatThrownBy(() -> acme("- { uid: nickname, type: short_answer }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].title (question 'nickname') is missing: the "
                        + "question the recruiter reads");
        assertThatThrownBy(() -> acme("- { uid: \"nick name\", type: short_answer, title: Nickname }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].uid is 'nick name': use 1 to 64 letters, "
                        + "digits, '_', '-', '.' or ':'");
        assertThatThrownBy(() -> acme("- { uid: laptop, type: dropdown, title: Laptop, options: [{ uid: mac }] }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].options[0].title (question 'laptop') is "
                        + "missing: the choice the recruiter reads");
    }

    @Test
    void refusesAnOptionsFromThatNamesNoListField() {
        assertThatThrownBy(() -> acme("- { uid: team, type: dropdown, title: Team, options-from: \"$.teams[*]\" }"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].options-from (question 'team') is "
                        + "'$.teams[*]': the alias (department, division, location, jobTitle, ...) or field id of a "
                        + "BambooHR list field");
    }

    /** A short-answer question laptop asked when this line, under {@code when:}, holds. */
    private static QuestionnaireDirectory laptopWhen(String rule) {
        return acme("""
                - uid: laptop
                  type: short_answer
                  title: Laptop
                  when:
                """ + rule.indent(4));
    }

    @Test
    void refusesAWhenPathThatIsNotADottedPayloadPath() {
        assertThatThrownBy(() -> laptopWhen("\"[position..department]\": R&D"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].when.position..department (question 'laptop') "
                        + "is not a dotted payload path such as position.department");
        assertThatThrownBy(() -> laptopWhen("\"[$..department]\": R&D"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].when.$..department (question 'laptop') "
                        + "is not a dotted payload path such as position.department");
        assertThatThrownBy(() -> laptopWhen("\"[position.custom_fields[?(@.team)]]\": Core"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].when.position.custom_fields[?(@.team)] "
                        + "(question 'laptop') is not a dotted payload path such as position.department");
    }

    @Test
    void aWhenPathMayPassAnArrayElementAndAKeyWithSpacesIsWrittenInBrackets() throws Exception {
        Question pto = acmeQuestions("""
                - uid: pto
                  type: short_answer
                  title: PTO
                  when:
                    offer_fields.0.PTO: '25'
                    "[position.custom_fields.Cost center]": 4410
                """).get(0);

        assertThat(pto.condition().rules()).isEqualTo(Map.of("offer_fields.0.PTO", Set.of("25"),
                "position.custom_fields.Cost center", Set.of("4410")));
        ObjectMapper json = new ObjectMapper();
        assertThat(pto.condition().holdsFor(json.readTree("{\"offer_fields\":[{\"PTO\":\"25\"}],"
                + "\"position\":{\"custom_fields\":{\"Cost center\":4410}}}"))).isTrue();
        assertThat(pto.condition().holdsFor(json.readTree("{\"offer_fields\":[{\"PTO\":\"20\"}],"
                + "\"position\":{\"custom_fields\":{\"Cost center\":4410}}}"))).isFalse();
    }

    @Test
    void refusesAWhenWithoutValues() {
        assertThatThrownBy(() -> laptopWhen("position.department: []"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].when.position.department (question 'laptop') "
                        + "lists no value: the question would never be asked");
        assertThatThrownBy(() -> laptopWhen("position.department: [\"R&D\", \"\"]"))
                .hasMessage("hirebridge.companies.acme.questionnaire[0].when.position.department (question 'laptop') "
                        + "must be a value, or a list of values, that the payload holds at that path");
    }

    @Test
    void optionListsAreReadAgainEveryTenMinutesUnlessConfigured() {
        HireBridgeProperties defaults = OperatorYaml.acme(BAMBOOHR, "", "");
        HireBridgeProperties configured = OperatorYaml.bind("""
                hirebridge:
                  questionnaire:
                    options-refresh: 90s
                    template: mappings/edited.mustache
                """);

        assertThat(defaults.questionnaire().optionsRefresh()).isEqualTo(Duration.ofMinutes(10));
        assertThat(defaults.questionnaire().template()).isEqualTo("mappings/comeet-hire-questionnaire.mustache");
        assertThat(configured.questionnaire().optionsRefresh()).isEqualTo(Duration.ofSeconds(90));
        assertThat(configured.questionnaire().template()).isEqualTo("mappings/edited.mustache");
    }
}
