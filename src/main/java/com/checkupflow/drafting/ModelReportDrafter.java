package com.checkupflow.drafting;

import com.checkupflow.ai.InvalidAnswerException;
import com.checkupflow.ai.ModelCaller;
import com.checkupflow.ai.StructuredOutput;
import com.checkupflow.ai.PromptTemplates;
import com.checkupflow.ai.Deidentifier;
import com.checkupflow.ai.DraftRequest;

import java.util.Set;

import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * The model-backed drafter: de-identifies the request, renders the versioned prompt, asks the model for a
 * {@link DraftAnswer} (JSON schema as a response format or in the prompt, see {@link StructuredOutput}), and
 * renders the answer into the report text with the facts of the judgement ({@link DraftRenderer}). A structurally bad
 * answer (schema violation, made-up observation ids) gets one targeted re-ask before the backoff retries; the answer is
 * stored with the draft so {@link DraftChecker#checkAnswer} sees its structure. Throws {@link ModelUnavailableException} when no usable answer came;
 * the workflow then drafts with the template. {@link DraftChecker} checks the result like any other draft.
 */
class ModelReportDrafter implements ReportDrafter {

    private final String provider;
    private final String modelName;
    private final StructuredOutput output;
    private final ModelCaller caller;
    private final Deidentifier deidentifier;
    private final PromptTemplates prompts;
    private final DraftRenderer renderer;

    ModelReportDrafter(String provider, String modelName, StructuredOutput output, ModelCaller caller,
                       Deidentifier deidentifier, PromptTemplates prompts, DraftRenderer renderer) {
        this.provider = provider;
        this.modelName = modelName;
        this.output = output;
        this.caller = caller;
        this.deidentifier = deidentifier;
        this.prompts = prompts;
        this.renderer = renderer;
    }

    @Override
    public Draft draft(DraftRequest request) {
        Deidentifier.Input input = deidentifier.input(request);
        // the version the element pins (an instance started under an older default keeps it), else the default
        PromptTemplates prompts = request.promptVersion() == null ? this.prompts
                : PromptTemplates.pinned(PromptTemplates.REPORT_SUMMARY_KIND, request.promptVersion());
        PromptTemplates.Prompt prompt = prompts.render(input, output.schemaInPrompt());
        ChatRequest chat = output.request(prompt, DraftAnswer.SCHEMA.requestSchema());
        Set<String> observationIds = Set.copyOf(input.observationIds());
        ModelCaller.Result<DraftAnswer> result = caller.call(chat, new ModelCaller.AnswerReader<>() {
            @Override
            public DraftAnswer read(String text, boolean reasked) {
                DraftAnswer answer = DraftAnswer.read(text);
                Set<String> unknown = answer.unknownObservationIds(observationIds);
                if (!unknown.isEmpty() && !reasked) {
                    // made-up ids are asked about once; if they stay, the check reports them (BAD_CITATION)
                    throw new InvalidAnswerException("observationIds " + unknown
                            + " are not in the input; cite only the observationId of each finding's own item");
                }
                return answer;
            }

            @Override
            public String reask(String error) {
                return prompts.reask(input.language(), error);
            }
        });
        String text = renderer.render(result.value(), request.judgement(), input.language());
        return new Draft(text, provider, modelName, prompt.version(), false, new Draft.Audit(input.sha256(),
                result.tokensIn(), result.tokensOut(), result.latencyMs(), result.attempts(), result.value().evidenceJson(),
                result.reasks(), result.value().json()));
    }
}
