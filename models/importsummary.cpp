#include "models/importsummary.h"

#include <QCoreApplication>

namespace vigie {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(vigie::ImportSummary)
};

template <typename Records>
void measureGaps(const Records &records, std::int64_t limitUs, LogSummary *s)
{
    for (size_t i = 1; i < records.size(); ++i) {
        const std::int64_t dt = records[i].utc - records[i - 1].utc;
        if (dt > limitUs)
            ++s->gaps;
        s->longestGapS = std::max(s->longestGapS, double(dt) * 1e-6);
    }
    if (records.size() > 1)
        s->spanS = double(records.back().utc - records.front().utc) * 1e-6;
}

void fillReport(const ParseReport &report, int maxIssues, LogSummary *s)
{
    s->file = report.file;
    s->counts = report.summary();
    s->rejected = report.rejected;
    for (const ParseIssue &issue : report.issues) {
        if (s->issues.size() >= maxIssues)
            break;
        s->issues << Tr::tr("line %1: %2").arg(issue.line).arg(issue.reason);
    }
}

} // namespace

ImportSummary summarizeImport(const Campaign &campaign, int maxIssues)
{
    ImportSummary out;
    LogSummary target;
    target.title = Tr::tr("Target log (%1)").arg(campaign.targetLog().report.format);
    fillReport(campaign.targetLog().report, maxIssues, &target);
    for (const GnssFix &fix : campaign.targetLog().fixes)
        ++target.qualityHistogram[QString::fromLatin1(fixQualityName(fix.quality))];
    measureGaps(campaign.targetLog().fixes, campaign.manifest().targetMaxGapUs, &target);
    out.logs.push_back(target);

    LogSummary turret;
    turret.title = Tr::tr("Turret log");
    fillReport(campaign.turretLog().report, maxIssues, &turret);
    measureGaps(campaign.turretLog().samples, campaign.manifest().turretMaxGapUs, &turret);
    out.logs.push_back(turret);
    return out;
}

QStringList ImportSummary::lines() const
{
    QStringList out;
    for (const LogSummary &s : logs) {
        out << Tr::tr("%1: %2: %3").arg(s.title, s.file, s.counts);
        if (!s.qualityHistogram.isEmpty()) {
            QStringList parts;
            for (auto it = s.qualityHistogram.cbegin(); it != s.qualityHistogram.cend(); ++it)
                parts << Tr::tr("%1 %2").arg(it.key()).arg(it.value());
            out << Tr::tr("  fixes by quality: %1").arg(parts.join(QStringLiteral(", ")));
        }
        out << Tr::tr("  %1 s covered; %2 gaps over the limit; longest interval %3 s")
                   .arg(s.spanS, 0, 'f', 1)
                   .arg(s.gaps)
                   .arg(s.longestGapS, 0, 'f', 2);
        for (const QString &issue : s.issues)
            out << QStringLiteral("  ") + issue;
        if (s.rejected > s.issues.size())
            out << Tr::tr("  … and %1 more rejected lines").arg(s.rejected - s.issues.size());
    }
    return out;
}

} // namespace vigie
