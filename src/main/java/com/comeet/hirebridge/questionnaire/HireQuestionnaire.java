package com.comeet.hirebridge.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.inbound.ComeetDoor;
import com.comeet.hirebridge.questionnaire.QuestionnaireTemplate.AskedQuestion;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steps of {@code routes/comeet-hire-questionnaire.camel.yaml}: which of the company's questions this
 * candidate is asked (each question's {@code when}), with the options kept from the HRIS, and the answer Comeet
 * gets, rendered from the template. Nothing here calls the HRIS: the recruiter is waiting.
 */
@Component("hireQuestionnaire")
public class HireQuestionnaire {

    /** Exchange property: the questions asked, each with its options. */
    public static final String ASKED = "questionnaireAsked";

    private static final Logger log = LoggerFactory.getLogger(HireQuestionnaire.class);

    private final QuestionnaireDirectory questionnaires;
    private final OptionLists optionLists;
    private final QuestionnaireTemplate template;
    private final Set<String> unreadWarned = ConcurrentHashMap.newKeySet();

    public HireQuestionnaire(QuestionnaireDirectory questionnaires, OptionLists optionLists,
            QuestionnaireTemplate template) {
        this.questionnaires = questionnaires;
        this.optionLists = optionLists;
        this.template = template;
    }

    /** The questions whose condition holds for the candidate, in the configured order. */
    public void selectQuestions(Exchange exchange) {
        Company company = exchange.getProperty(ComeetDoor.COMPANY, Company.class);
        JsonNode candidate = exchange.getProperty(ComeetDoor.CANDIDATE, JsonNode.class);

        List<AskedQuestion> asked = new ArrayList<>();
        for (Question question : questionnaires.of(company)) {
            if (question.condition().holdsFor(candidate)) {
                asked.add(new AskedQuestion(question, options(company, question)));
            }
        }
        exchange.setProperty(ASKED, List.copyOf(asked));
    }

    /** Replaces the body with the answer, JSON from the template. */
    public void render(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<AskedQuestion> asked = exchange.getProperty(ASKED, List.class);
        exchange.getMessage().setBody(template.render(asked));
    }

    private List<QuestionOption> options(Company company, Question question) {
        if (question.optionsFrom() == null) {
            return question.options();
        }
        List<QuestionOption> options = optionLists.options(company, question.optionsFrom());
        // Once per list, not per request: the read's own failure is logged at every attempt.
        if (options == null && unreadWarned.add(company.name() + "/" + question.optionsFrom())) {
            log.warn("Questionnaire asks a question without options: company={} question={} options-from={}: the "
                    + "list has never been read from the HRIS", company.name(), question.uid(),
                    question.optionsFrom());
        }
        return options == null ? List.of() : options;
    }
}
