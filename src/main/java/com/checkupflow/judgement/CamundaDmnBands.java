package com.checkupflow.judgement;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

import com.checkupflow.kernel.ItemKey;

/**
 * Reads the {@link DecisionBands} of a DRD with Camunda's DMN model API: for each item the decision of its id
 * ({@code fasting_glucose}), the input whose expression is the item's variable, the optional {@code sex} input and
 * the output {@code <variable>Category}.
 */
public final class CamundaDmnBands {

    private CamundaDmnBands() {
    }

    /**
     * @throws DecisionBands.UnreadableBandException when an item's rule has an entry that is no interval or code list
     * @throws org.camunda.bpm.model.xml.ModelException when the XML is no DMN
     */
    public static DecisionBands read(InputStream dmn) {
        DmnModelInstance model = Dmn.readModelFromStream(dmn);
        List<DecisionBands.Row> rows = new ArrayList<>();
        for (ItemKey item : ItemKey.values()) {
            if (model.getModelElementById(item.json()) instanceof Decision decision
                    && decision.getExpression() instanceof DecisionTable table) {
                rows.addAll(rows(item, table));
            }
        }
        return DecisionBands.of(rows);
    }

    private static List<DecisionBands.Row> rows(ItemKey item, DecisionTable table) {
        List<Input> inputs = List.copyOf(table.getInputs());
        List<Output> outputs = List.copyOf(table.getOutputs());
        int valueInput = indexOf(inputs, item.variable());
        int sexInput = indexOf(inputs, DecisionContract.SEX);
        int categoryOutput = -1;
        for (int i = 0; i < outputs.size(); i++) {
            if (DecisionContract.componentCategory(item).equals(outputs.get(i).getName())) {
                categoryOutput = i;
            }
        }
        List<DecisionBands.Row> rows = new ArrayList<>();
        if (valueInput < 0 || categoryOutput < 0) {
            return rows;
        }
        for (Rule rule : table.getRules()) {
            List<String> entries = rule.getInputEntries().stream().map(e -> e.getTextContent()).toList();
            rows.add(new DecisionBands.Row(item, rule.getId(), sexInput < 0 ? null : entries.get(sexInput),
                    entries.get(valueInput), List.copyOf(rule.getOutputEntries()).get(categoryOutput).getTextContent()));
        }
        return rows;
    }

    private static int indexOf(List<Input> inputs, String variable) {
        for (int i = 0; i < inputs.size(); i++) {
            if (inputs.get(i).getInputExpression() != null
                    && variable.equals(DecisionBands.text(inputs.get(i).getInputExpression().getTextContent()))) {
                return i;
            }
        }
        return -1;
    }
}
