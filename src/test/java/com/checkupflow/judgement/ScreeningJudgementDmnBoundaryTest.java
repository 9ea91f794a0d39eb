package com.checkupflow.judgement;

import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.checkupflow.kernel.Category;

/** Every boundary point of screening-criteria.md §3 through the real DMN on a real engine. */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = DmnTestSupport.DMN)
class ScreeningJudgementDmnBoundaryTest {

    ProcessEngine processEngine;

    @ParameterizedTest(name = "{0} {1} {2} -> {4}")
    @CsvSource(nullValues = "", textBlock = """
            systolicBp,,        119,  systolicBpCategory,       NORMAL_A
            systolicBp,,        120,  systolicBpCategory,       NORMAL_B
            systolicBp,,        139,  systolicBpCategory,       NORMAL_B
            systolicBp,,        139.5,systolicBpCategory,       NORMAL_B
            systolicBp,,        140,  systolicBpCategory,       DISEASE_SUSPECT
            diastolicBp,,       79,   diastolicBpCategory,      NORMAL_A
            diastolicBp,,       80,   diastolicBpCategory,      NORMAL_B
            diastolicBp,,       89,   diastolicBpCategory,      NORMAL_B
            diastolicBp,,       90,   diastolicBpCategory,      DISEASE_SUSPECT
            bmi,,               18.4, bmiCategory,              NORMAL_B
            bmi,,               18.5, bmiCategory,              NORMAL_A
            bmi,,               24.9, bmiCategory,              NORMAL_A
            bmi,,               25.0, bmiCategory,              NORMAL_B
            bmi,,               29.9, bmiCategory,              NORMAL_B
            bmi,,               30.0, bmiCategory,              DISEASE_SUSPECT
            waist,male,         89.9, waistCategory,            NORMAL_A
            waist,male,         90.0, waistCategory,            DISEASE_SUSPECT
            waist,female,       84.9, waistCategory,            NORMAL_A
            waist,female,       85.0, waistCategory,            DISEASE_SUSPECT
            hemoglobin,male,    11.9, hemoglobinCategory,       DISEASE_SUSPECT
            hemoglobin,male,    12.0, hemoglobinCategory,       NORMAL_B
            hemoglobin,male,    12.9, hemoglobinCategory,       NORMAL_B
            hemoglobin,male,    13.0, hemoglobinCategory,       NORMAL_A
            hemoglobin,male,    16.5, hemoglobinCategory,       NORMAL_A
            hemoglobin,male,    16.6, hemoglobinCategory,       UNCLASSIFIED
            hemoglobin,female,  9.9,  hemoglobinCategory,       DISEASE_SUSPECT
            hemoglobin,female,  10.0, hemoglobinCategory,       NORMAL_B
            hemoglobin,female,  11.9, hemoglobinCategory,       NORMAL_B
            hemoglobin,female,  12.0, hemoglobinCategory,       NORMAL_A
            hemoglobin,female,  15.5, hemoglobinCategory,       NORMAL_A
            hemoglobin,female,  15.6, hemoglobinCategory,       UNCLASSIFIED
            fastingGlucose,,    99,   fastingGlucoseCategory,   NORMAL_A
            fastingGlucose,,    100,  fastingGlucoseCategory,   NORMAL_B
            fastingGlucose,,    125,  fastingGlucoseCategory,   NORMAL_B
            fastingGlucose,,    126,  fastingGlucoseCategory,   DISEASE_SUSPECT
            totalCholesterol,,  199,  totalCholesterolCategory, NORMAL_A
            totalCholesterol,,  200,  totalCholesterolCategory, NORMAL_B
            totalCholesterol,,  239,  totalCholesterolCategory, NORMAL_B
            totalCholesterol,,  240,  totalCholesterolCategory, DISEASE_SUSPECT
            hdl,,               39,   hdlCategory,              DISEASE_SUSPECT
            hdl,,               40,   hdlCategory,              NORMAL_B
            hdl,,               59,   hdlCategory,              NORMAL_B
            hdl,,               60,   hdlCategory,              NORMAL_A
            triglycerides,,     149,  triglyceridesCategory,    NORMAL_A
            triglycerides,,     150,  triglyceridesCategory,    NORMAL_B
            triglycerides,,     199,  triglyceridesCategory,    NORMAL_B
            triglycerides,,     200,  triglyceridesCategory,    DISEASE_SUSPECT
            ldl,,               129,  ldlCategory,              NORMAL_A
            ldl,,               130,  ldlCategory,              NORMAL_B
            ldl,,               159,  ldlCategory,              NORMAL_B
            ldl,,               160,  ldlCategory,              DISEASE_SUSPECT
            ast,,               40,   astCategory,              NORMAL_A
            ast,,               40.5, astCategory,              NORMAL_B
            ast,,               41,   astCategory,              NORMAL_B
            ast,,               50,   astCategory,              NORMAL_B
            ast,,               50.5, astCategory,              NORMAL_B
            ast,,               51,   astCategory,              DISEASE_SUSPECT
            alt,,               35,   altCategory,              NORMAL_A
            alt,,               35.5, altCategory,              NORMAL_B
            alt,,               36,   altCategory,              NORMAL_B
            alt,,               45,   altCategory,              NORMAL_B
            alt,,               46,   altCategory,              DISEASE_SUSPECT
            ggt,male,           10,   ggtCategory,              UNCLASSIFIED
            ggt,male,           10.5, ggtCategory,              UNCLASSIFIED
            ggt,male,           11,   ggtCategory,              NORMAL_A
            ggt,male,           63,   ggtCategory,              NORMAL_A
            ggt,male,           63.5, ggtCategory,              NORMAL_B
            ggt,male,           64,   ggtCategory,              NORMAL_B
            ggt,male,           77,   ggtCategory,              NORMAL_B
            ggt,male,           78,   ggtCategory,              DISEASE_SUSPECT
            ggt,female,         7,    ggtCategory,              UNCLASSIFIED
            ggt,female,         8,    ggtCategory,              NORMAL_A
            ggt,female,         35,   ggtCategory,              NORMAL_A
            ggt,female,         35.5, ggtCategory,              NORMAL_B
            ggt,female,         36,   ggtCategory,              NORMAL_B
            ggt,female,         45,   ggtCategory,              NORMAL_B
            ggt,female,         46,   ggtCategory,              DISEASE_SUSPECT
            creatinine,,        1.50, creatinineCategory,       NORMAL_A
            creatinine,,        1.51, creatinineCategory,       DISEASE_SUSPECT
            egfr,,              60,   egfrCategory,             NORMAL_A
            egfr,,              59.5, egfrCategory,             DISEASE_SUSPECT
            egfr,,              59,   egfrCategory,             DISEASE_SUSPECT
            """)
    void shouldJudgeBoundaryValueIntoItsBandWhenEvaluatedThroughTheDmn(
            String variable, String sex, double value, String resultKey, Category expected) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(variable, value);
        if (sex != null) {
            vars.put("sex", sex);
        }

        Map<String, Object> result = DmnTestSupport.evaluate(processEngine, vars);

        Assertions.assertThat(result.get(resultKey)).isEqualTo(expected.name());
    }

    @ParameterizedTest(name = "{0} {1} -> {3} / {4}")
    @CsvSource(nullValues = "", textBlock = """
            urineProtein, negative,    urineProtein, NORMAL_A,,
            urineProtein, trace,       urineProtein, NORMAL_B,,
            urineProtein, 1+,          urineProtein, DISEASE_SUSPECT,,
            urineProtein, 2+,          urineProtein, DISEASE_SUSPECT,,
            urineProtein, 3+,          urineProtein, DISEASE_SUSPECT,,
            urineProtein, 4+,          urineProtein, DISEASE_SUSPECT,,
            chestXray,    normal,      chestXray,    NORMAL_A,,
            chestXray,    inactive_tb, chestXray,    NORMAL_B,,
            chestXray,    abnormal,    chestXray,    DISEASE_SUSPECT,,
            chestXray,    poor_image,  chestXray,    ,not_judged
            chestXray,    not_taken,   chestXray,    ,not_judged
            """)
    void shouldJudgeCodedResultWhenEvaluatedThroughTheDmn(
            String variable, String code, String prefix, String expectedCategory, String expectedNote) {
        Map<String, Object> result = DmnTestSupport.evaluate(processEngine, Map.of(variable, code));

        Assertions.assertThat(result)
                .containsEntry(prefix + "Category", expectedCategory)
                .containsEntry(prefix + "Note", expectedNote);
    }
}
