package com.checkupflow.referral;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.springframework.stereotype.Component;

import com.checkupflow.ai.KindDrafter;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.engine.ExternalTaskWorker;
import com.checkupflow.engine.ExternalTasks;

/**
 * Works the external task topic {@value #TOPIC} ("Draft referral letter", {@code Activity_DraftReferralLetter}): an
 * external task because the letter may come from the model, whose latency must not hold the job executor. The
 * service falls back to the template letter itself, so the task always completes with a letter: the draft prefills
 * {@code referralText}; {@code referralCheckNote} holds the findings of a model letter that failed the check (the
 * sign form shows them), null otherwise.
 */
@Component
class DraftReferralLetterWorker extends ExternalTaskWorker implements KindDrafter {

    static final String TOPIC = "draftReferralLetter";

    private final ReferralService referrals;

    DraftReferralLetterWorker(ExternalTasks externalTasks, ReferralService referrals,
                              ExternalTaskWorker.Settings modelWorkerSettings) {
        super(externalTasks, TOPIC, List.of("referralUnits"), modelWorkerSettings);
        this.referrals = referrals;
    }

    /** The drafter of the referral letter kind's drafter ({@code documents/referral-letter/kind.properties}). */
    @Override
    public String drafter() {
        return PromptTemplates.REFERRAL_LETTER_KIND;
    }

    @Override
    protected Outcome work(LockedExternalTask task) {
        return new Complete(variables(referrals.draft(task.getBusinessKey(), units(task.getVariables().get("referralUnits")))));
    }

    /** {@code referralUnits} is a comma-separated list of judgement units. */
    static List<String> units(Object referralUnits) {
        return referralUnits == null ? List.of()
                : Arrays.stream(referralUnits.toString().split(",")).filter(u -> !u.isBlank()).toList();
    }

    static Map<String, Object> variables(ReferralService.DraftedLetter draft) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referralDraft", draft.text());
        variables.put("referralText", draft.text());
        variables.put("referralCheckNote", draft.checkNote());
        return variables;
    }
}
