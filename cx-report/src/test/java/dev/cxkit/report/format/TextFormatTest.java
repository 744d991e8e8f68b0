package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Score;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Section;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.section.RecoveryPlans.IncidentPlan;
import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    private static final List<String> HEADINGS = List.of("1. Headline scores", "2. Scores by group and period",
            "3. Journeys: funnel, durations and promises", "4. Failures and scores", "5. Recovery",
            "6. Consistency and closed loop", "Where the numbers come from");

    @Test
    void sectionsInThePagesOrder() {
        String text = ReportFormat.text().render(ReportFixtures.realistic());
        int at = -1;
        for (String heading : HEADINGS) {
            int next = text.indexOf("\n" + heading + "\n" + "=".repeat(heading.length()) + "\n");
            assertThat(next).as(heading).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void theSameNumbersAsThePage() {
        HealthReport model = ReportFixtures.realistic();
        String text = ReportFormat.text().render(model);
        String page = Pages.visibleText(ReportFormat.html().render(model));
        for (var h : model.headline().content().orElseThrow().scores()) {
            Score s = h.score();
            String value = Figures.score(s.metric(), s.value().getAsDouble()).text();
            String range = Figures.range(s.metric(), s.interval().orElseThrow());
            assertThat(text).contains(value + "  " + range);
            assertThat(page).contains(value, range);
        }
        String verdict = model.recoveryEffectiveness().content().orElseThrow().verdict();
        assertThat(text).contains(verdict);
        assertThat(page).contains(verdict);
        assertThat(text).contains("WAIVE_CHARGE  EUR 24.50  manager approval needed");
        assertThat(text).contains("C-11872   delivery notice   NPS 4  2026-03-31T17:00:00Z  overdue");
    }

    @Test
    void tablesAreAlignedWithoutTrailingSpaces() {
        String text = ReportFormat.text().render(ReportFixtures.realistic());
        assertThat(text.lines()).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        // the funnel's last column is numeric: right-aligned, so every line of the table ends in one column
        List<String> funnel = text.lines().dropWhile(l -> !l.matches("stage +entered.*")).limit(5).toList();
        assertThat(funnel).hasSize(5).extracting(String::length).containsOnly(funnel.get(0).length());
        assertThat(funnel.get(1)).isEqualTo("order         1180     1190       1150       20          1.7%");
        // numbers are right-aligned under their header, names left-aligned
        List<String> touchpoints = text.lines().dropWhile(l -> !l.startsWith("touchpoint ")).limit(7).toList();
        assertThat(touchpoints.get(1)).startsWith("delivery notice  -27.3   [-55.4, 7.4]   22 ").endsWith("-  low n");
        assertThat(touchpoints.get(6)).startsWith("terrace bar          -              -    0 ").endsWith("-  low n");
    }

    @Test
    void absentSectionsAndLineBreaksInData() {
        HealthReport model = ReportFixtures.responsesOnly();
        String text = ReportFormat.text().render(model);
        assertThat(text).contains("- 3. Journeys: " + model.journeys().absentNote() + "\n",
                "- 5. Recovery: " + model.recoveryPlans().absentNote() + " " + model.recoveryEffectiveness().absentNote()
                        + "\n", model.closedLoop().absentNote() + "\n")
                .doesNotContain("3. Journeys: funnel, durations and promises\n====");
        String hostile = ReportFormat.text().render(ReportFixtures.hostile());
        assertThat(hostile).contains(ReportFixtures.SCRIPT, ReportFixtures.QUOTES)
                .contains(ReportFixtures.BREAKOUT + " second line\uFFFD").doesNotContain("\u0007");
        assertThat(ReportFormat.text().render(ReportFixtures.nothing())).contains("No responses were given (--responses), so"
                + " there are no scores.\n");
    }

    @Test
    void manyPlansShowTheFirstInFullAndCountTheRestWhileThePageFoldsThemAll() {
        HealthReport base = ReportFixtures.realistic();
        RecoveryPlan template = ReportFixtures.recoveryPlans().plans().get(1).plan();
        List<IncidentPlan> plans = new ArrayList<>();
        for (int i = 0; i < TextFormat.SHOWN_PLANS + 3; i++) {
            RecoveryPlan plan = new RecoveryPlan("INC-" + i, template.steps(), template.offers(),
                    template.escalations(), template.followUps(), template.systemicIssue(), template.firedRules());
            plans.add(new IncidentPlan("failure " + i, "open failure in journey V" + i, plan));
        }
        HealthReport many = new HealthReport(base.title(), base.provenance(), base.headline(), base.scores(),
                base.journeys(), base.failureImpact(), Section.of(new RecoveryPlans("restaurant", plans)),
                base.recoveryEffectiveness(), base.consistency(), base.closedLoop());
        String text = ReportFormat.text().render(many);
        assertThat(text).contains("incident INC-9: failure 9\n  from open failure in journey V9\n")
                .doesNotContain("incident INC-10:")
                .contains("... and 3 more incidents, each with its plan, in report.html and report.json.");
        String html = ReportFormat.html().render(many);
        assertThat(html.split("<details class=\"plan\" open>", -1)).hasSize(TextFormat.SHOWN_PLANS + 1);
        assertThat(html.split("<details class=\"plan\">", -1)).hasSize(3 + 1);
        assertThat(html).contains("Incident INC-12: failure 12");
    }
}
