package com.comeet.hirebridge.questionnaire;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

import com.comeet.hirebridge.bamboohr.BambooHrListFields;
import com.comeet.hirebridge.company.Company;
import com.comeet.hirebridge.company.CompanyDirectory;
import com.comeet.hirebridge.company.HireBridgeProperties;

/**
 * The options of every {@code options-from} list, kept per company so that the questionnaire never waits on the
 * HRIS: read at start-up (a failure there never stops start-up), read again in the background every
 * {@code hirebridge.questionnaire.options-refresh}, and kept as last read while the HRIS is down.
 */
@Component
public class OptionLists implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OptionLists.class);

    private final CompanyDirectory companies;
    private final QuestionnaireDirectory questionnaires;
    private final BambooHrListFields bamboohr;
    private final TaskScheduler scheduler;
    private final HireBridgeProperties.Questionnaire settings;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Loaded> byCompany = new ConcurrentHashMap<>();

    public OptionLists(CompanyDirectory companies, QuestionnaireDirectory questionnaires,
            BambooHrListFields bamboohr, TaskScheduler scheduler, HireBridgeProperties properties) {
        this.companies = companies;
        this.questionnaires = questionnaires;
        this.bamboohr = bamboohr;
        this.scheduler = scheduler;
        this.settings = properties.questionnaire();
    }

    /** The lists of one company as last read, and when. */
    private record Loaded(Map<String, List<QuestionOption>> lists, Instant at) {
    }

    /** Reads every list before the service reports ready, then keeps them fresh in the background. */
    @Override
    public void run(ApplicationArguments arguments) {
        refreshAll();
        scheduler.scheduleWithFixedDelay(this::refreshAll, clock.instant().plus(settings.optionsRefresh()),
                settings.optionsRefresh());
    }

    /**
     * The active options of the company's list field as last read, or null when it has never been read. Never
     * calls the HRIS.
     */
    public List<QuestionOption> options(Company company, String listField) {
        Loaded loaded = byCompany.get(company.name());
        return loaded == null ? null : loaded.lists().get(listField);
    }

    /** Reads the lists of every company that has {@code options-from} questions, all at once; never throws. */
    public void refreshAll() {
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (Company company : companies.all()) {
            if (!questionnaires.listFields(company).isEmpty()) {
                reads.add(refresh(company));
            }
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
    }

    /**
     * Reads the company's lists once. A list the HRIS does not have, or an HRIS that fails, leaves what was read
     * before in place; completes normally either way.
     */
    public CompletableFuture<Void> refresh(Company company) {
        Set<String> wanted = questionnaires.listFields(company);
        long started = System.nanoTime();
        return bamboohr.read(company.bamboohr(), wanted).handle((lists, failure) -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            Loaded before = byCompany.get(company.name());
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.warn("Could not read the questionnaire's option lists: company={} target=bamboohr error={} "
                                + "duration_ms={}; {}", company.name(), describe(cause), millis,
                        before == null ? "they have never been read, so their questions have no options"
                                : "keeping those read at " + before.at());
                return null;
            }
            Map<String, List<QuestionOption>> kept = new HashMap<>(lists);
            for (String listField : wanted) {
                if (!lists.containsKey(listField)) {
                    log.warn("BambooHR has no list field '{}': company={}; check options-from in the questionnaire",
                            listField, company.name());
                    if (before != null && before.lists().containsKey(listField)) {
                        kept.put(listField, before.lists().get(listField));
                    }
                }
            }
            byCompany.put(company.name(), new Loaded(Map.copyOf(kept), clock.instant()));
            log.info("Read the questionnaire's option lists: company={} target=bamboohr lists={} duration_ms={}",
                    company.name(), lists.size(), millis);
            return null;
        });
    }

    private static String describe(Throwable cause) {
        return cause instanceof BambooHrListFields.UnexpectedAnswer answer ? answer.getMessage()
                : cause.getClass().getSimpleName();
    }
}
