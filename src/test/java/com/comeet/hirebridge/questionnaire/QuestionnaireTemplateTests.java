package com.comeet.hirebridge.questionnaire;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.comeet.hirebridge.mapping.MappingException;
import com.comeet.hirebridge.questionnaire.QuestionnaireTemplate.AskedQuestion;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The questionnaire's answer comes from one editable file: the shipped one gives the documented shape, an edited
 * one changes the shape without a code change, and a broken one stops start-up naming the file.
 */
class QuestionnaireTemplateTests {

    private static final Question DEPARTMENT = new Question("department", QuestionType.DROPDOWN, "Department",
            true, "department", List.of(), QuestionCondition.ALWAYS);
    private static final List<QuestionOption> DEPARTMENTS = List.of(new QuestionOption("18", "Engineering"),
            new QuestionOption("19", "R&D \"Platform\" \\ </script>"));

    @TempDir
    Path folder;

    private static QuestionnaireTemplate template(String file) {
        return new QuestionnaireTemplate(OperatorYaml.bind("hirebridge:\n  questionnaire:\n    template: " + file
                + "\n"), new ObjectMapper());
    }

    private String write(String name, String text) throws Exception {
        Path file = folder.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file.toString();
    }

    @Test
    void theShippedTemplateGivesTheDocumentedShapeWithEveryUidAString() {
        byte[] answer = template("mappings/comeet-hire-questionnaire.mustache").render(List.of(
                new AskedQuestion(DEPARTMENT, DEPARTMENTS)));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"questions\":[{\"uid\":\"department\","
                + "\"type\":\"dropdown\",\"title\":\"Department\",\"required\":true,\"options\":[{\"uid\":\"18\","
                + "\"title\":\"Engineering\"},{\"uid\":\"19\",\"title\":\"R&D \\\"Platform\\\" \\\\ </script>\"}]}]}");
        assertThat(new String(template("mappings/comeet-hire-questionnaire.mustache").render(List.of()),
                StandardCharsets.UTF_8)).isEqualTo("{\"questions\":[]}");
    }

    @Test
    void anEditedTemplateChangesTheShapeWithoutACodeChange() throws Exception {
        String edited = write("edited.mustache", """
                {"fields": [{{#questions}}{{^-first}},{{/-first}}
                  {"id": "{{uid}}", "kind": "{{type}}", "label": "{{title}}", "mandatory": {{required}},
                   "choices": [{{#options}}{{^-first}},{{/-first}}
                     {"value": "{{uid}}", "text": "{{title}}"}{{/options}}]}
                {{/questions}}]}
                """);

        byte[] answer = template(edited).render(List.of(new AskedQuestion(DEPARTMENT, DEPARTMENTS.subList(0, 1))));

        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"fields\":[{\"id\":\"department\","
                + "\"kind\":\"dropdown\",\"label\":\"Department\",\"mandatory\":true,\"choices\":[{\"value\":\"18\","
                + "\"text\":\"Engineering\"}]}]}");
    }

    @Test
    void aTemplateThatDoesNotRenderJsonStopsStartUp() throws Exception {
        String missingComma = write("missing-comma.mustache", """
                {"questions": [{{#questions}}{"uid": "{{uid}}"}{{/questions}}]}
                """);
        String unknownName = write("unknown-name.mustache", """
                {"questions": [
                {{#questions}}{{^-first}},{{/-first}}{"uid": "{{uid}}", "hint": "{{placeholder}}"}{{/questions}}
                ]}
                """);
        String unclosed = write("unclosed.mustache", "{\"questions\": [{{#questions}}{}]}\n");

        assertThatThrownBy(() -> template(missingComma)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(missingComma + ": renders text that is not JSON: ");
        assertThatThrownBy(() -> template(unknownName)).isInstanceOf(MappingException.class)
                .hasMessage(unknownName + ", line 2: 'placeholder' is not a value the template can use");
        assertThatThrownBy(() -> template(unclosed)).isInstanceOf(MappingException.class)
                .hasMessageStartingWith(unclosed + ": not a valid Mustache template: ");
        assertThatThrownBy(() -> template(folder.resolve("absent.mustache").toString()))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(folder.resolve("absent.mustache") + ": the questionnaire template does not "
                        + "exist");
    }
}
