package com.comeet.hirebridge.questionnaire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.HireBridgeProperties;
import com.comeet.hirebridge.mapping.MappingException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.MustacheParseException;
import com.samskivert.mustache.Template;

/**
 * The shape of the questionnaire's answer, in one Mustache file ({@code hirebridge.questionnaire.template}), so that
 * it can be corrected without a code change. Every value is JSON-escaped, and the rendered text must be JSON: it is
 * sent compact. The file is checked at start-up by rendering every kind of question.
 */
@Component
public class QuestionnaireTemplate {

    private final String file;
    private final Template template;
    private final ObjectMapper json;
    private final ObjectMapper strictJson;

    public QuestionnaireTemplate(HireBridgeProperties properties, ObjectMapper json) {
        this.file = properties.questionnaire().template();
        this.json = json;
        this.strictJson = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.template = compile(Path.of(file));
        check();
    }

    /**
     * The answer for these questions, as compact UTF-8 JSON: the rendered text is streamed through a JSON parser into
     * a writer, which checks it is one JSON object or array without building a tree of it.
     */
    public byte[] render(List<AskedQuestion> questions) {
        String text = execute(questions);
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        try (JsonParser parser = json.getFactory().createParser(text);
             JsonGenerator writer = json.getFactory().createGenerator(out)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
                throw new JsonParseException(parser, "not a JSON object or array");
            }
            writer.copyCurrentStructure(parser);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "more than one JSON value");
            }
        } catch (IOException e) {
            throw new IllegalStateException(file + " rendered text that is not JSON: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private String execute(List<AskedQuestion> questions) {
        return template.execute(Map.of("questions", questions.stream().map(AskedQuestion::values).toList()));
    }

    private JsonNode answer(List<AskedQuestion> questions) throws JsonProcessingException {
        return strictJson.readTree(execute(questions));
    }

    /** A question as asked of this candidate: its options are those of today's list for {@code options-from}. */
    public record AskedQuestion(Question question, List<QuestionOption> options) {

        /** What the template sees. */
        Map<String, Object> values() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("uid", question.uid());
            values.put("type", question.type().id());
            values.put("title", question.title());
            // A dropdown without options (its list never read) cannot be answered: required, it would stop the
            // recruiter from submitting the Hire form.
            values.put("required", question.required() && !(question.optionsFrom() != null && options.isEmpty()));
            values.put("options", options.stream().map(option -> Map.of("uid", option.uid(), "title",
                    option.title())).toList());
            return values;
        }
    }

    private static Template compile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new MappingException(path.toString(), 0, "the questionnaire template does not exist (working "
                    + "directory: " + Path.of("").toAbsolutePath() + ")");
        }
        Mustache.Compiler compiler = Mustache.compiler()
                .withEscaper(raw -> new String(JsonStringEncoder.getInstance().quoteAsString(raw)));
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return compiler.compile(reader);
        } catch (MustacheParseException e) {
            throw new MappingException(path.toString(), 0, "not a valid Mustache template: "
                    + e.getMessage());
        } catch (IOException | MustacheException e) {
            throw new MappingException(path.toString(), 0, "cannot be read: " + e.getMessage());
        }
    }

    /** Renders one question of each type, with and without options, and no question at all. */
    private void check() {
        List<QuestionOption> options = List.of(new QuestionOption("1", "Engineering"),
                new QuestionOption("2", "Quote \" and backslash \\"));
        List<AskedQuestion> everyKind = List.of(
                new AskedQuestion(sample(QuestionType.SHORT_ANSWER, true), List.of()),
                new AskedQuestion(sample(QuestionType.DATE_PICKER, false), List.of()),
                new AskedQuestion(sample(QuestionType.DROPDOWN, true), options),
                new AskedQuestion(sample(QuestionType.SEARCH_DROPDOWN, false), List.of()));
        for (List<AskedQuestion> questions : List.of(everyKind, List.<AskedQuestion>of())) {
            JsonNode rendered;
            try {
                rendered = answer(questions);
            } catch (MustacheException.Context e) {
                throw new MappingException(file, e.lineNo, "'" + e.key + "' is not a value the template can use");
            } catch (MustacheException e) {
                throw new MappingException(file, 0, e.getMessage());
            } catch (JsonProcessingException e) {
                throw new MappingException(file, 0, "renders text that is not JSON: " + e.getOriginalMessage());
            }
            if (rendered == null || !rendered.isContainerNode()) {
                throw new MappingException(file, 0, "renders a single value, not a JSON object or array");
            }
        }
    }

    private static Question sample(QuestionType type, boolean required) {
        return new Question("sample_" + type.id(), type, "A " + type.id() + " question", required, null, List.of(),
                QuestionCondition.ALWAYS);
    }
}
