package com.comeet.hirebridge.questionnaire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyConfigurationException;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.HireBridgeProperties;
import com.comeet.hirebridge.company.HireBridgeProperties.OptionProperties;
import com.comeet.hirebridge.company.HireBridgeProperties.QuestionProperties;

/**
 * Every company's questionnaire ({@code hirebridge.companies.<company>.questionnaire}), validated once at start-up:
 * the service refuses to start on a malformed question, naming the company, the question and the key.
 */
@Component
public class QuestionnaireDirectory {

    /** Our uids are echoed by Comeet and read by mappings as {@code answer(<uid>)}: plain characters only. */
    private static final Pattern UID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern LIST_FIELD = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final Map<String, List<Question>> byCompany = new HashMap<>();

    public QuestionnaireDirectory(HireBridgeProperties properties, CompanyDirectory companies) {
        for (Company company : companies.all()) {
            List<QuestionProperties> configured = properties.companies().get(company.name()).questionnaire();
            byCompany.put(company.name(), questions(company, configured == null ? List.of() : configured));
        }
    }

    /** The company's questions in the order configured; empty when it has none. */
    public List<Question> of(Company company) {
        return byCompany.getOrDefault(company.name(), List.of());
    }

    /** The HRIS list fields the company's questions read their options from. */
    public Set<String> listFields(Company company) {
        Set<String> fields = new LinkedHashSet<>();
        of(company).stream().filter(question -> question.optionsFrom() != null)
                .forEach(question -> fields.add(question.optionsFrom()));
        return fields;
    }

    private static List<Question> questions(Company company, List<QuestionProperties> configured) {
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> uids = new HashMap<>();
        for (int index = 0; index < configured.size(); index++) {
            String prefix = "hirebridge.companies." + company.name() + ".questionnaire[" + index + "]";
            Question question = question(company, prefix, configured.get(index));
            Integer earlier = uids.putIfAbsent(question.uid(), index);
            if (earlier != null) {
                throw new CompanyConfigurationException(prefix + ".uid", "'" + question.uid() + "' is already the "
                        + "uid of questionnaire[" + earlier + "]: each question needs its own");
            }
            questions.add(question);
        }
        return List.copyOf(questions);
    }

    private static Question question(Company company, String prefix, QuestionProperties question) {
        if (question == null) {
            throw new CompanyConfigurationException(prefix, "is empty: give the question a uid, type and title");
        }
        String uid = uid(prefix + ".uid", "", question.uid(), "the question's id, which Comeet echoes back with the "
                + "answer");
        String named = "(question '" + uid + "') ";
        if (question.type() == null || question.type().isBlank()) {
            throw new CompanyConfigurationException(prefix + ".type",
                    named + "is missing: one of " + QuestionType.known());
        }
        QuestionType type = QuestionType.byId(question.type()).orElseThrow(() -> new CompanyConfigurationException(
                prefix + ".type", named + "is '" + question.type().trim() + "': one of " + QuestionType.known()));
        if (question.title() == null || question.title().isBlank()) {
            throw new CompanyConfigurationException(prefix + ".title",
                    named + "is missing: the question the recruiter reads");
        }
        boolean hasOptions = question.options() != null;
        boolean hasList = question.optionsFrom() != null;
        if (!type.offersOptions() && (hasOptions || hasList)) {
            throw new CompanyConfigurationException(prefix + (hasOptions ? ".options" : ".options-from"),
                    named + "is set, but a " + type.id() + " question has no options: make it a dropdown or "
                            + "search_dropdown, or remove it");
        }
        if (type.offersOptions() && hasOptions == hasList) {
            throw new CompanyConfigurationException(prefix, named + (hasOptions
                    ? "has both options and options-from: keep one"
                    : "is a " + type.id() + " without options: set options, or options-from to read them from "
                            + "the HRIS"));
        }
        String optionsFrom = hasList
                ? listField(company, prefix + ".options-from", named, question.optionsFrom()) : null;
        List<QuestionOption> options = hasOptions ? options(prefix + ".options", named, question.options()) : List.of();
        QuestionCondition condition = QuestionCondition.of(prefix + ".when", named, question.when());
        return new Question(uid, type, question.title().trim(), Boolean.TRUE.equals(question.required()),
                optionsFrom, options, condition);
    }

    private static String listField(Company company, String key, String named, String configured) {
        if (configured.isBlank() || !LIST_FIELD.matcher(configured.trim()).matches()) {
            throw new CompanyConfigurationException(key, named + "is '" + configured + "': the alias (department, "
                    + "division, location, jobTitle, ...) or field id of a BambooHR list field");
        }
        if (company.bamboohr() == null) {
            throw new CompanyConfigurationException(key, named + "needs a BambooHR account: option lists are read from "
                    + "BambooHR's list fields");
        }
        return configured.trim();
    }

    private static List<QuestionOption> options(String key, String named, List<OptionProperties> configured) {
        if (configured.isEmpty()) {
            throw new CompanyConfigurationException(key, named + "is empty: list the choices, each with uid and title");
        }
        List<QuestionOption> options = new ArrayList<>();
        Set<String> uids = new LinkedHashSet<>();
        for (int index = 0; index < configured.size(); index++) {
            String prefix = key + "[" + index + "]";
            OptionProperties option = configured.get(index);
            if (option == null) {
                throw new CompanyConfigurationException(prefix, named + "is empty: give the choice a uid and a title");
            }
            String uid = uid(prefix + ".uid", named, option.uid(), "the choice's id, which Comeet echoes back");
            if (option.title() == null || option.title().isBlank()) {
                throw new CompanyConfigurationException(prefix + ".title",
                        named + "is missing: the choice the recruiter "
                        + "reads");
            }
            if (!uids.add(uid)) {
                throw new CompanyConfigurationException(prefix + ".uid", named + "'" + uid + "' is already "
                        + "the uid of another choice of this question");
            }
            options.add(new QuestionOption(uid, option.title().trim()));
        }
        return List.copyOf(options);
    }

    private static String uid(String key, String named, String configured, String what) {
        if (configured == null || configured.isBlank()) {
            throw new CompanyConfigurationException(key, named + "is missing: " + what);
        }
        if (!UID.matcher(configured.trim()).matches()) {
            throw new CompanyConfigurationException(key,
                    named + "is '" + configured + "': use 1 to 64 letters, digits, "
                    + "'_', '-', '.' or ':'");
        }
        return configured.trim();
    }
}
