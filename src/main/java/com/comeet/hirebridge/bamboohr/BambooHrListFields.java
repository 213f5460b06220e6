package com.comeet.hirebridge.bamboohr;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.questionnaire.QuestionOption;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads BambooHR's list fields, {@code GET {base-url}/v1/meta/lists}, for the questionnaire's options: each list
 * wanted, found by its alias ({@code department}) or its field id, with its active options only (an archived option
 * stays in BambooHR for history, not for new hires), each as its id and name.
 */
@Component
public class BambooHrListFields {

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    public BambooHrListFields(ObjectMapper json,
            @Value("${camel.component.http.connect-timeout:3000}") long connectMillis,
            @Value("${camel.component.http.response-timeout:10000}") long responseMillis) {
        this.json = json;
        this.timeout = Duration.ofMillis(responseMillis);
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofMillis(connectMillis))
                .build();
    }

    /** BambooHR answered, but not with its lists. */
    public static final class UnexpectedAnswer extends IOException {

        private final int status;

        UnexpectedAnswer(int status, String problem) {
            super(problem, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * The active options of each wanted list that BambooHR has, keyed by the name asked for; a list BambooHR does
     * not have is left out. Fails with an {@link IOException} when BambooHR cannot be reached or does not answer
     * 200 with its lists.
     */
    public CompletableFuture<Map<String, List<QuestionOption>>> read(Company.BambooHrAccount account,
            Set<String> wanted) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(account.listFieldsUrl()))
                .timeout(timeout)
                .header("Authorization", account.authorization())
                .header("Accept", "application/json")
                .GET()
                .build();
        // The request's timeout covers the wait for the headers only: the whole answer must arrive within it too,
        // or a BambooHR stalling mid-answer would hold the start-up and every later refresh.
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(answer -> {
            if (answer.statusCode() != 200) {
                throw new CompletionException(new UnexpectedAnswer(answer.statusCode(), "BambooHR answered "
                        + answer.statusCode()));
            }
            try {
                return lists(json.readTree(answer.body()), wanted);
            } catch (IOException e) {
                throw new CompletionException(new UnexpectedAnswer(200, "BambooHR's list fields are not JSON"));
            }
        });
    }

    static Map<String, List<QuestionOption>> lists(JsonNode answer, Set<String> wanted) throws UnexpectedAnswer {
        if (!answer.isArray()) {
            throw new UnexpectedAnswer(200, "BambooHR's list fields are not a JSON array");
        }
        Map<String, List<QuestionOption>> lists = new LinkedHashMap<>();
        for (String name : wanted) {
            for (JsonNode list : answer) {
                if (name.equals(list.path("alias").asText(null)) || name.equals(list.path("fieldId").asText(null))) {
                    lists.put(name, activeOptions(list.path("options")));
                    break;
                }
            }
        }
        return lists;
    }

    private static List<QuestionOption> activeOptions(JsonNode options) {
        List<QuestionOption> active = new ArrayList<>();
        for (JsonNode option : options) {
            String id = option.path("id").asText("");
            String name = option.path("name").asText("").trim();
            boolean archived = "yes".equalsIgnoreCase(option.path("archived").asText("no"));
            if (!archived && !id.isBlank() && !name.isEmpty()) {
                active.add(new QuestionOption(id, name));
            }
        }
        return List.copyOf(active);
    }
}
