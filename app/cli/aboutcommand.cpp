#include "app/cli/command.h"

#include "app/components.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vigie::cli {

namespace {

class AboutCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(vigie::cli::AboutCommand)

public:
    QString name() const override { return QStringLiteral("about"); }
    QString summary() const override
    {
        return tr("Show Vigie's version and the components it runs with.");
    }
    void configure(OptionSet &parser) const override
    {
        parser.addOption({QStringLiteral("json"), tr("Write JSON instead of a table.")});
    }
    int run(const QCommandLineParser &parser, Io &io) const override
    {
        if (!parser.positionalArguments().isEmpty())
            return usageError(io, name(),
                              tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
        const QList<ComponentVersion> components = allComponents();
        if (parser.isSet(QStringLiteral("json"))) {
            QJsonArray array;
            for (const ComponentVersion &c : components) {
                array.append(QJsonObject{{QStringLiteral("name"), c.name},
                                         {QStringLiteral("version"), c.version},
                                         {QStringLiteral("detail"), c.detail}});
            }
            const QJsonObject root{{QStringLiteral("vigie"), versionString()},
                                   {QStringLiteral("components"), array}};
            io.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
            return Success;
        }
        io.out << QStringLiteral("Vigie %1\n").arg(versionString());
        for (const ComponentVersion &c : components) {
            io.out << QStringLiteral("  %1 %2 %3\n")
                          .arg(c.name, -14)
                          .arg(c.version.isEmpty() ? QStringLiteral("-") : c.version, -12)
                          .arg(c.detail);
        }
        bool complete = true;
        for (const ComponentVersion &c : components)
            complete = complete && !c.version.isEmpty();
        return complete ? Success : Failure;
    }
};

} // namespace

std::unique_ptr<Command> makeAboutCommand()
{
    return std::make_unique<AboutCommand>();
}

} // namespace vigie::cli
