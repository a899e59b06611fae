<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>Language for this run (en, fr), overriding the setting.</source>
        <translation>Langue de cette exécution (en, fr), prioritaire sur le réglage.</translation>
    </message>
    <message>
        <source>Save a PNG of the main window once shown, then quit.</source>
        <translation>Enregistrer une image PNG de la fenêtre principale une fois affichée, puis quitter.</translation>
    </message>
    <message>
        <source>Vigie: counter-drone measurement campaign workstation.</source>
        <translation>Vigie : station d’analyse des campagnes de mesure anti-drone.</translation>
    </message>
    <message>
        <source>Vigie %1 started.</source>
        <translation>Vigie %1 a démarré.</translation>
    </message>
</context>
<context>
    <name>vigie::MainWindow</name>
    <message>
        <source>Vigie</source>
        <translation>Vigie</translation>
    </message>
    <message>
        <source>No campaign open</source>
        <translation>Aucune campagne ouverte</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RVB</translation>
    </message>
    <message>
        <source>IR</source>
        <translation>IR</translation>
    </message>
    <message>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit to View</source>
        <translation>&amp;Ajuster à la vue</translation>
    </message>
    <message>
        <source>&amp;Actual Pixels</source>
        <translation>&amp;Taille réelle</translation>
    </message>
    <message>
        <source>&amp;Side by Side</source>
        <translation>Côte à &amp;côte</translation>
    </message>
    <message>
        <source>S&amp;tacked</source>
        <translation>&amp;Superposées</translation>
    </message>
    <message>
        <source>&amp;RGB Only</source>
        <translation>&amp;RVB seule</translation>
    </message>
    <message>
        <source>&amp;IR Only</source>
        <translation>&amp;IR seule</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About Vigie</source>
        <translation>À &amp;propos de Vigie</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&lt;campaign opened&gt;</source>
        <translation>&lt;campagne ouverte&gt;</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Historique d’annulation</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>The new language takes effect when Vigie restarts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de Vigie.</translation>
    </message>
    <message>
        <source>About Vigie</source>
        <translation>À propos de Vigie</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;A workstation for counter-drone measurement campaigns: synchronized RGB and infrared video, GPS-RTK and turret telemetry, weak box proposals, correction and detector training.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Vigie %1&lt;/h3&gt;&lt;p&gt;Une station d’analyse pour les campagnes de mesure anti-drone : vidéos RVB et infrarouge synchronisées, télémétrie GPS-RTK et tourelle, propositions de boîtes faiblement supervisées, correction et entraînement du détecteur.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vigie::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <source>A new language takes effect when Vigie restarts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de Vigie.</translation>
    </message>
</context>
<context>
    <name>vigie::ShortcutSheet</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
</context>
<context>
    <name>vigie::cli::AboutCommand</name>
    <message>
        <source>Show Vigie&apos;s version and the components it runs with.</source>
        <translation>Afficher la version de Vigie et des composants qu’il utilise.</translation>
    </message>
    <message>
        <source>Write JSON instead of a table.</source>
        <translation>Écrire du JSON au lieu d’un tableau.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
</context>
<context>
    <name>vigie::cli::Registry</name>
    <message>
        <source>Usage: %1 &lt;command&gt; [options]
Vigie&apos;s headless tools: the same library code as the workstation.

Commands:
</source>
        <translation>Utilisation : %1 &lt;commande&gt; [options]
Les outils de Vigie sans interface graphique : le même code que la station.

Commandes :
</translation>
    </message>
    <message>
        <source>
Options:
  -h, --help     Show this help, or a command&apos;s help with &apos;%1 &lt;command&gt; --help&apos;.
  -v, --version  Show the version.

Exit codes: 0 success, 1 failure (bad input, I/O), 2 bad usage.
</source>
        <translation>
Options :
  -h, --help     Afficher cette aide, ou l’aide d’une commande avec « %1 &lt;commande&gt; --help ».
  -v, --version  Afficher la version.

Codes de sortie : 0 succès, 1 échec (entrée invalide, E/S), 2 mauvais usage.
</translation>
    </message>
    <message>
        <source>no command given (try &apos;%1 --help&apos;)</source>
        <translation>aucune commande donnée (essayez « %1 --help »)</translation>
    </message>
    <message>
        <source>unknown option &apos;%1&apos; (try &apos;%2 --help&apos;)</source>
        <translation>option inconnue « %1 » (essayez « %2 --help »)</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos; (try &apos;%2 --help&apos;)</source>
        <translation>commande inconnue « %1 » (essayez « %2 --help »)</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Afficher cette aide.</translation>
    </message>
</context>
<context>
    <name>vigie::db</name>
    <message>
        <source>Qt&apos;s SQLite driver is missing: install libqt6sql6-sqlite</source>
        <translation>le pilote SQLite de Qt est absent : installez libqt6sql6-sqlite</translation>
    </message>
</context>
</TS>
