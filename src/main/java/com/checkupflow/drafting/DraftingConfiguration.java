package com.checkupflow.drafting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.ModelAccess;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.TemplateTexts;

/** The report summary's drafter and the referral letter's model path, on the one configured model. */
@Configuration(proxyBeanMethods = false)
class DraftingConfiguration {

    @Bean
    @Primary
    ReportDrafter reportDrafter(ModelAccess model, TemplateReportDrafter template, Deidentifier deidentifier,
                                PromptTemplates prompts, DraftRenderer renderer) {
        if (!model.enabled()) {
            return template;
        }
        return new ModelReportDrafter(model.provider(), model.model(), model.output(), model.caller(), deidentifier,
                prompts, renderer);
    }

    /** The referral letter's model path: the same chat model and {@link com.checkupflow.ai.ModelCaller}; off with the template. */
    @Bean
    ReferralLetterModel referralLetterModel(ModelAccess model, Deidentifier deidentifier, DraftChecker checker,
                                            TemplateTexts texts) {
        return new ReferralLetterModel(model.provider(), model.model(), model.output(), model.caller(), deidentifier,
                PromptTemplates.referralLetter(), checker, texts);
    }
}
