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
    <name>vigie</name>
    <message>
        <source>%1 field %2 (%3) &apos;%4&apos; is malformed</source>
        <translation>%1 champ %2 (%3) « %4 » mal formé</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>ouverture impossible : %1</translation>
    </message>
    <message>
        <source>unknown column &apos;%1&apos;</source>
        <translation>colonne inconnue « %1 »</translation>
    </message>
    <message>
        <source>line %1: the header must name the columns utc, pan_deg and tilt_deg</source>
        <translation>ligne %1 : l’en-tête doit nommer les colonnes utc, pan_deg et tilt_deg</translation>
    </message>
    <message>
        <source>%1 fields, the header has %2</source>
        <translation>%1 champs, l’en-tête en a %2</translation>
    </message>
    <message>
        <source>utc &apos;%1&apos; is not a time</source>
        <translation>utc « %1 » n’est pas une date</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not an angle within ±%3°</source>
        <translation>%1 « %2 » n’est pas un angle compris dans ±%3°</translation>
    </message>
    <message>
        <source>hfov_deg.%1 &apos;%2&apos; is not a field of view in (0°, 180°)</source>
        <translation>hfov_deg.%1 « %2 » n’est pas un champ de vue dans ]0°, 180°[</translation>
    </message>
    <message>
        <source>time %1 does not follow the previous sample&apos;s (%2)</source>
        <translation>l’instant %1 ne suit pas celui de l’échantillon précédent (%2)</translation>
    </message>
    <message>
        <source>empty turret log</source>
        <translation>journal de tourelle vide</translation>
    </message>
    <message>
        <source>no turret sample (%1 rejected)</source>
        <translation>aucun échantillon de tourelle (%1 rejetés)</translation>
    </message>
    <message>
        <source>frame index &apos;%1&apos;, expected %2</source>
        <translation>indice d’image « %1 », %2 attendu</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time</source>
        <translation>« %1 » n’est pas une date</translation>
    </message>
    <message>
        <source>frame %1 at %2 is not after frame %3</source>
        <translation>l’image %1 à %2 ne suit pas l’image %3</translation>
    </message>
    <message>
        <source>no frame time</source>
        <translation>aucun horodatage d’image</translation>
    </message>
</context>
<context>
    <name>vigie::Campaign</name>
    <message>
        <source>no camera %1</source>
        <translation>pas de caméra %1</translation>
    </message>
    <message>
        <source>no target fix within %1 s at %2</source>
        <translation>aucune position de la cible à moins de %1 s de %2</translation>
    </message>
    <message>
        <source>no turret sample within %1 s at %2</source>
        <translation>aucun échantillon de tourelle à moins de %1 s de %2</translation>
    </message>
</context>
<context>
    <name>vigie::CampaignManifest</name>
    <message>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2 : JSON invalide : %3</translation>
    </message>
    <message>
        <source>%1: the manifest must be a JSON object</source>
        <translation>%1 : le manifeste doit être un objet JSON</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not &apos;vigie-campaign&apos;</source>
        <translation>« %1 » n’est pas « vigie-campaign »</translation>
    </message>
    <message>
        <source>version %1 is newer than this Vigie reads (%2)</source>
        <translation>la version %1 est plus récente que celle que lit ce Vigie (%2)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not auto, nmea or rtklib-pos</source>
        <translation>« %1 » n’est ni auto, ni nmea, ni rtklib-pos</translation>
    </message>
    <message>
        <source>must be a non-empty array</source>
        <translation>doit être un tableau non vide</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is used twice</source>
        <translation>« %1 » est utilisé deux fois</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not rgb or ir</source>
        <translation>« %1 » n’est ni rgb ni ir</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a time</source>
        <translation>« %1 » n’est pas une date</translation>
    </message>
    <message>
        <source>needs frame_times, or first_frame_utc and fps</source>
        <translation>requiert frame_times, ou first_frame_utc et fps</translation>
    </message>
    <message>
        <source>needs hfov_deg, or fx, fy, cx, cy</source>
        <translation>requiert hfov_deg, ou fx, fy, cx, cy</translation>
    </message>
    <message>
        <source>must be OpenCV&apos;s 4, 5, 8, 12 or 14 coefficients</source>
        <translation>doit contenir 4, 5, 8, 12 ou 14 coefficients OpenCV</translation>
    </message>
    <message>
        <source>must hold numbers</source>
        <translation>doit contenir des nombres</translation>
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
    <name>vigie::ParseReport</name>
    <message>
        <source>%1 lines: %2 accepted, %3 skipped, %4 rejected</source>
        <translation>%1 lignes : %2 acceptées, %3 ignorées, %4 rejetées</translation>
    </message>
</context>
<context>
    <name>vigie::Parser</name>
    <message>
        <source>no checksum</source>
        <translation>pas de somme de contrôle</translation>
    </message>
    <message>
        <source>checksum &apos;%1&apos; is not hexadecimal</source>
        <translation>la somme de contrôle « %1 » n’est pas hexadécimale</translation>
    </message>
    <message>
        <source>bad checksum: computed %1, sentence says %2</source>
        <translation>somme de contrôle fausse : calculée %1, la phrase indique %2</translation>
    </message>
    <message>
        <source>%1 has %2 fields, expected at least %3</source>
        <translation>%1 a %2 champs, au moins %3 attendus</translation>
    </message>
    <message>
        <source>no NMEA sentence found (%1 lines read)</source>
        <translation>aucune phrase NMEA trouvée (%1 lignes lues)</translation>
    </message>
    <message>
        <source>%1 fixes cannot be dated: no RMC or ZDA sentence gives the date (give one with --date)</source>
        <translation>%1 positions ne peuvent être datées : aucune phrase RMC ou ZDA ne donne la date (indiquez-la avec --date)</translation>
    </message>
    <message>
        <source>no valid NMEA sentence: %1 rejected</source>
        <translation>aucune phrase NMEA valide : %1 rejetées</translation>
    </message>
    <message>
        <source>not an RTKLIB solution: no &apos;%&apos; header and no solution row</source>
        <translation>pas une solution RTKLIB : ni en-tête « % » ni ligne de solution</translation>
    </message>
    <message>
        <source>no solution row (%1 rejected)</source>
        <translation>aucune ligne de solution (%1 rejetées)</translation>
    </message>
    <message>
        <source>unreadable &apos;ref pos&apos;</source>
        <translation>« ref pos » illisible</translation>
    </message>
    <message>
        <source>empty row</source>
        <translation>ligne vide</translation>
    </message>
    <message>
        <source>truncated row</source>
        <translation>ligne tronquée</translation>
    </message>
    <message>
        <source>time &apos;%1 %2&apos; is malformed</source>
        <translation>instant « %1 %2 » mal formé</translation>
    </message>
    <message>
        <source>GPS week/time of week &apos;%1 %2&apos; is malformed</source>
        <translation>semaine GPS/temps de semaine « %1 %2 » mal formé</translation>
    </message>
    <message>
        <source>%1 columns, expected at least %2</source>
        <translation>%1 colonnes, au moins %2 attendues</translation>
    </message>
    <message>
        <source>column %1 &apos;%2&apos; is not a number</source>
        <translation>la colonne %1 « %2 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>an ENU baseline row needs the header&apos;s &apos;ref pos&apos;</source>
        <translation>une ligne de ligne de base ENU requiert le « ref pos » de l’en-tête</translation>
    </message>
    <message>
        <source>position out of range: latitude %1, longitude %2</source>
        <translation>position hors limites : latitude %1, longitude %2</translation>
    </message>
    <message>
        <source>Q flag %1 is not 0 to 6</source>
        <translation>l’indicateur Q %1 n’est pas compris entre 0 et 6</translation>
    </message>
    <message>
        <source>Q flag 0: no solution</source>
        <translation>indicateur Q 0 : pas de solution</translation>
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
    <name>vigie::Reader</name>
    <message>
        <source>missing</source>
        <translation>absent</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>doit être un objet</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>doit être un nombre</translation>
    </message>
    <message>
        <source>%1 is outside [%2, %3]</source>
        <translation>%1 est hors de [%2, %3]</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>doit être une chaîne</translation>
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
    <name>vigie::cli::ProjectCommand</name>
    <message>
        <source>Project the target into a camera: pixel, uncertainty ellipse, expected size.</source>
        <translation>Projeter la cible dans une caméra : pixel, ellipse d’incertitude, taille attendue.</translation>
    </message>
    <message>
        <source>The campaign folder or its campaign.json.</source>
        <translation>Le dossier de la campagne ou son campaign.json.</translation>
    </message>
    <message>
        <source>Camera name from the manifest.</source>
        <translation>Nom de la caméra dans le manifeste.</translation>
    </message>
    <message>
        <source>Instant, ISO 8601 UTC (2026-05-12T10:15:00.5Z).</source>
        <translation>Instant, ISO 8601 UTC (2026-05-12T10:15:00.5Z).</translation>
    </message>
    <message>
        <source>Frame index of the camera&apos;s video.</source>
        <translation>Indice d’image dans la vidéo de la caméra.</translation>
    </message>
    <message>
        <source>Write JSON.</source>
        <translation>Écrire du JSON.</translation>
    </message>
    <message>
        <source>expected one campaign</source>
        <translation>une campagne attendue</translation>
    </message>
    <message>
        <source>--camera is required</source>
        <translation>--camera est obligatoire</translation>
    </message>
    <message>
        <source>give exactly one of --utc and --frame</source>
        <translation>donnez soit --utc, soit --frame</translation>
    </message>
    <message>
        <source>%1: no camera named &apos;%2&apos;</source>
        <translation>%1 : aucune caméra nommée « %2 »</translation>
    </message>
    <message>
        <source>--utc &apos;%1&apos; is not a time</source>
        <translation>--utc « %1 » n’est pas une date</translation>
    </message>
    <message>
        <source>--frame &apos;%1&apos; is not a frame index</source>
        <translation>--frame « %1 » n’est pas un indice d’image</translation>
    </message>
    <message>
        <source>camera &apos;%1&apos; has no frame %2</source>
        <translation>la caméra « %1 » n’a pas d’image %2</translation>
    </message>
    <message>
        <source>%1 at %2: pixel (%3, %4), %5
</source>
        <translation>%1 à %2 : pixel (%3, %4), %5
</translation>
    </message>
    <message>
        <source>in view</source>
        <translation>dans le champ</translation>
    </message>
    <message>
        <source>out of view</source>
        <translation>hors champ</translation>
    </message>
    <message>
        <source>  ellipse %1 × %2 px at %3°, expected box %4 × %5 px
</source>
        <translation>  ellipse %1 × %2 px à %3°, boîte attendue %4 × %5 px
</translation>
    </message>
    <message>
        <source>  target azimuth %1°, elevation %2°, range %3 m
</source>
        <translation>  cible en azimut %1°, site %2°, distance %3 m
</translation>
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
    <name>vigie::cli::TelemetryCommand</name>
    <message>
        <source>Parse a GNSS log (NMEA 0183, RTKLIB .pos) or a turret log and report it.</source>
        <translation>Lire un journal GNSS (NMEA 0183, RTKLIB .pos) ou de tourelle et en rendre compte.</translation>
    </message>
    <message>
        <source>The log to read.</source>
        <translation>Le journal à lire.</translation>
    </message>
    <message>
        <source>auto (default), nmea, rtklib-pos or turret.</source>
        <translation>auto (par défaut), nmea, rtklib-pos ou turret.</translation>
    </message>
    <message>
        <source>UTC date (YYYY-MM-DD) for NMEA logs without RMC or ZDA.</source>
        <translation>Date UTC (AAAA-MM-JJ) pour les journaux NMEA sans RMC ni ZDA.</translation>
    </message>
    <message>
        <source>Write every fix and the report as JSON on standard output.</source>
        <translation>Écrire chaque position et le rapport en JSON sur la sortie standard.</translation>
    </message>
    <message>
        <source>expected one log file</source>
        <translation>un fichier journal attendu</translation>
    </message>
    <message>
        <source>unknown format &apos;%1&apos;</source>
        <translation>format inconnu « %1 »</translation>
    </message>
    <message>
        <source>--date &apos;%1&apos; is not YYYY-MM-DD</source>
        <translation>--date « %1 » n’est pas au format AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1 fixes from %2 to %3</source>
        <translation>%1 positions de %2 à %3</translation>
    </message>
    <message>
        <source>%1 samples from %2 to %3</source>
        <translation>%1 échantillons de %2 à %3</translation>
    </message>
    <message>
        <source>  ... and %1 more rejected lines</source>
        <translation>  ... et %1 autres lignes rejetées</translation>
    </message>
</context>
<context>
    <name>vigie::cli::VideoCommand</name>
    <message>
        <source>Inspect a video: info, verify (exact random access), bench (decode figures).</source>
        <translation>Examiner une vidéo : info, verify (accès aléatoire exact), bench (mesures de décodage).</translation>
    </message>
    <message>
        <source>info, verify or bench.</source>
        <translation>info, verify ou bench.</translation>
    </message>
    <message>
        <source>A video file, or an image sequence pattern (frames/%05d.png).</source>
        <translation>Un fichier vidéo, ou le motif d’une suite d’images (frames/%05d.png).</translation>
    </message>
    <message>
        <source>Write JSON (info, verify).</source>
        <translation>Écrire du JSON (info, verify).</translation>
    </message>
    <message>
        <source>Frames verify decodes at random (default 60).</source>
        <translation>Images que verify décode au hasard (60 par défaut).</translation>
    </message>
    <message>
        <source>Seed of the random frame order.</source>
        <translation>Graine de l’ordre aléatoire des images.</translation>
    </message>
    <message>
        <source>Decoder threads (default: all cores).</source>
        <translation>Fils de décodage (par défaut : tous les cœurs).</translation>
    </message>
    <message>
        <source>expected an action (info, verify, bench) and a file</source>
        <translation>une action (info, verify, bench) et un fichier attendus</translation>
    </message>
    <message>
        <source>--threads must be a whole number</source>
        <translation>--threads doit être un entier</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;</source>
        <translation>action inconnue « %1 »</translation>
    </message>
    <message>
        <source>--samples must be a whole number</source>
        <translation>--samples doit être un entier</translation>
    </message>
    <message>
        <source>%1 in %2, %3×%4 %5, %6 frames, %7 fps, %8 s, keyframe every %9 frames
</source>
        <translation>%1 dans %2, %3×%4 %5, %6 images, %7 im/s, %8 s, image clé toutes les %9 images
</translation>
    </message>
    <message>
        <source>frame %1 differs from the sequential decode</source>
        <translation>l’image %1 diffère du décodage séquentiel</translation>
    </message>
    <message>
        <source>damaged data: %1 packets refused, %2 frames concealed (frames %3)</source>
        <translation>données endommagées : %1 paquets refusés, %2 images masquées (images %3)</translation>
    </message>
    <message>
        <source>sequential decode gave %1 frames, the index has %2</source>
        <translation>le décodage séquentiel donne %1 images, l’index en a %2</translation>
    </message>
    <message>
        <source>%1 frames, %2 checked by random access: %3 mismatches, %4 failures
</source>
        <translation>%1 images, %2 vérifiées par accès aléatoire : %3 différences, %4 échecs
</translation>
    </message>
    <message>
        <source>verification failed</source>
        <translation>vérification échouée</translation>
    </message>
    <message>
        <source>%1 %2×%3, %4 frames, keyframe every %5 frames
</source>
        <translation>%1 %2×%3, %4 images, image clé toutes les %5 images
</translation>
    </message>
    <message>
        <source>sequential decode, %1 threads: %2 fps (decode + conversion to display pixels)
</source>
        <translation>décodage séquentiel, %1 fils : %2 im/s (décodage + conversion en pixels d’affichage)
</translation>
    </message>
    <message>
        <source>sequential decode only, %1 threads: %2 fps
</source>
        <translation>décodage séquentiel seul, %1 fils : %2 im/s
</translation>
    </message>
    <message>
        <source>ffmpeg -threads %1 -f null: %2 fps; ratio decode only %3 (goal &gt;= 0.9), with conversion %4
</source>
        <translation>ffmpeg -threads %1 -f null : %2 im/s ; rapport décodage seul %3 (objectif &gt;= 0,9), avec conversion %4
</translation>
    </message>
    <message>
        <source>one frame&apos;s decode, 1 thread: %1 ms
</source>
        <translation>décodage d’une image, 1 fil : %1 ms
</translation>
    </message>
    <message>
        <source>random seek latency, frame decodes: p50 %1, p95 %2
</source>
        <translation>latence d’accès aléatoire, en décodages d’image : p50 %1, p95 %2
</translation>
    </message>
    <message>
        <source>random seek latency / (frames since keyframe + 1): p50 %1, p95 %2 (goal p95 &lt;= 1.2)
</source>
        <translation>latence d’accès aléatoire / (images depuis l’image clé + 1) : p50 %1, p95 %2 (objectif p95 &lt;= 1,2)
</translation>
    </message>
    <message>
        <source>random seek frames decoded / (frames since keyframe + 1): p50 %1, p95 %2
</source>
        <translation>images décodées par accès aléatoire / (images depuis l’image clé + 1) : p50 %1, p95 %2
</translation>
    </message>
    <message>
        <source>backward step, amortized over %1 steps: %2 frame decode times, %3 decodes (goal &lt;= 2)
</source>
        <translation>pas arrière, amorti sur %1 pas : %2 temps de décodage d’image, %3 décodages (objectif &lt;= 2)
</translation>
    </message>
    <message>
        <source>memory per cached 1080p frame: %1 MiB
</source>
        <translation>mémoire par image 1080p en cache : %1 Mio
</translation>
    </message>
</context>
<context>
    <name>vigie::db</name>
    <message>
        <source>Qt&apos;s SQLite driver is missing: install libqt6sql6-sqlite</source>
        <translation>le pilote SQLite de Qt est absent : installez libqt6sql6-sqlite</translation>
    </message>
</context>
<context>
    <name>vigie::media::VideoDecoder</name>
    <message>
        <source>%1: no such file</source>
        <translation>%1 : fichier introuvable</translation>
    </message>
    <message>
        <source>%1: empty file</source>
        <translation>%1 : fichier vide</translation>
    </message>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1 : ouverture impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot read stream information: %2</source>
        <translation>%1 : lecture des informations de flux impossible : %2</translation>
    </message>
    <message>
        <source>%1: no decoder for its video codec</source>
        <translation>%1 : aucun décodeur pour son codec vidéo</translation>
    </message>
    <message>
        <source>%1: no video stream</source>
        <translation>%1 : aucun flux vidéo</translation>
    </message>
    <message>
        <source>%1: cannot open the %2 decoder: %3</source>
        <translation>%1 : ouverture du décodeur %2 impossible : %3</translation>
    </message>
    <message>
        <source>%1: the video stream has no frame size</source>
        <translation>%1 : le flux vidéo n’a pas de taille d’image</translation>
    </message>
    <message>
        <source>%1: the video stream has no frame</source>
        <translation>%1 : le flux vidéo n’a aucune image</translation>
    </message>
    <message>
        <source>%1: no frame %2 (the video has %3)</source>
        <translation>%1 : pas d’image %2 (la vidéo en a %3)</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
    <message>
        <source>%1: frame %2 cannot be decoded (damaged or missing data)</source>
        <translation>%1 : l’image %2 ne peut être décodée (données endommagées ou manquantes)</translation>
    </message>
</context>
<context>
    <name>vigie::media::VideoDecoder::Impl</name>
    <message>
        <source>%1: cannot seek to frame %2: %3</source>
        <translation>%1 : positionnement impossible sur l’image %2 : %3</translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation>interrompu</translation>
    </message>
</context>
</TS>
