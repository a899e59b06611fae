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
    <message>
        <source>Dataset to open with the campaign (default: annotations.sqlite beside it).</source>
        <translation>Jeu de données à ouvrir avec la campagne (par défaut : annotations.sqlite à côté).</translation>
    </message>
    <message>
        <source>Do not reopen the last campaign.</source>
        <translation>Ne pas rouvrir la dernière campagne.</translation>
    </message>
    <message>
        <source>campaign.json to open.</source>
        <translation>campaign.json à ouvrir.</translation>
    </message>
</context>
<context>
    <name>vigie::AnnotationController</name>
    <message>
        <source>&amp;Accept Box</source>
        <translation>&amp;Accepter la boîte</translation>
    </message>
    <message>
        <source>Re&amp;ject Box</source>
        <translation>Re&amp;jeter la boîte</translation>
    </message>
    <message>
        <source>&amp;Delete Box</source>
        <translation>&amp;Supprimer la boîte</translation>
    </message>
    <message>
        <source>Cycle &amp;Class</source>
        <translation>Changer de &amp;classe</translation>
    </message>
    <message>
        <source>&amp;Next Proposal</source>
        <translation>Proposition &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Proposal</source>
        <translation>Proposition &amp;précédente</translation>
    </message>
    <message>
        <source>Mark Frame &amp;Reviewed</source>
        <translation>Marquer l’image &amp;revue</translation>
    </message>
    <message>
        <source>Mark Frame: &amp;No Target</source>
        <translation>Marquer l’image : &amp;pas de cible</translation>
    </message>
    <message>
        <source>Next &amp;Unreviewed Frame</source>
        <translation>Image &amp;non revue suivante</translation>
    </message>
    <message>
        <source>Previous Unreviewed Frame</source>
        <translation>Image non revue précédente</translation>
    </message>
    <message>
        <source>No more proposals in this direction</source>
        <translation>Plus de proposition dans ce sens</translation>
    </message>
    <message>
        <source>Every frame in this direction is reviewed</source>
        <translation>Toutes les images dans ce sens sont revues</translation>
    </message>
    <message>
        <source>Accept All Proposals on &amp;Frame</source>
        <translation>Accepter toutes les propositions de l’ima&amp;ge</translation>
    </message>
    <message>
        <source>Reject All Propo&amp;sals on Frame</source>
        <translation>Rejeter toutes les propo&amp;sitions de l’image</translation>
    </message>
    <message>
        <source>No proposal on this frame</source>
        <translation>Aucune proposition sur cette image</translation>
    </message>
    <message>
        <source>%1 proposals accepted</source>
        <translation>%1 propositions acceptées</translation>
    </message>
    <message>
        <source>%1 proposals rejected</source>
        <translation>%1 propositions rejetées</translation>
    </message>
    <message>
        <source>&amp;Interpolate from Previous Keyframe</source>
        <translation>&amp;Interpoler depuis l’image clé précédente</translation>
    </message>
    <message>
        <source>Select an accepted or corrected box: it is the keyframe the interpolation ends on</source>
        <translation>Sélectionnez une boîte acceptée ou corrigée : c’est l’image clé où finit l’interpolation</translation>
    </message>
    <message>
        <source>No earlier keyframe of class %1 on this camera</source>
        <translation>Aucune image clé antérieure de classe %1 sur cette caméra</translation>
    </message>
    <message>
        <source>Keyframes %1 and %2 are adjacent: nothing to interpolate</source>
        <translation>Les images clés %1 et %2 se suivent : rien à interpoler</translation>
    </message>
    <message>
        <source>%1 boxes interpolated between frames %2 and %3 (%4 following the GPS projection)</source>
        <translation>%1 boîtes interpolées entre les images %2 et %3 (%4 suivant la projection GPS)</translation>
    </message>
    <message>
        <source>&amp;Track from Keyframe</source>
        <translation>&amp;Suivre depuis l’image clé</translation>
    </message>
    <message>
        <source>Cancel Trac&amp;king</source>
        <translation>Annuler le sui&amp;vi</translation>
    </message>
    <message>
        <source>A tracker is already running: wait for it or cancel it (Shift+K)</source>
        <translation>Un suivi est déjà en cours : attendez-le ou annulez-le (Maj+K)</translation>
    </message>
    <message>
        <source>Select an accepted or corrected box: the tracker starts from it</source>
        <translation>Sélectionnez une boîte acceptée ou corrigée : le suivi part d’elle</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>The keyframe was deleted while the tracker ran: its boxes were dropped</source>
        <translation>L’image clé a été supprimée pendant le suivi : ses boîtes ont été abandonnées</translation>
    </message>
    <message>
        <source>Track from frame %1</source>
        <translation>Suivi depuis l’image %1</translation>
    </message>
    <message>
        <source>%1 boxes tracked from frame %2 (%3 frames/s)</source>
        <translation>%1 boîtes suivies depuis l’image %2 (%3 images/s)</translation>
    </message>
    <message>
        <source>%1 boxes tracked from frame %2 (%3 frames/s); the tracker stopped on %4 frames: they wait for you as proposals</source>
        <translation>%1 boîtes suivies depuis l’image %2 (%3 images/s) ; le suivi s’est arrêté sur %4 images : elles vous attendent comme propositions</translation>
    </message>
    <message>
        <source>Next Frame Needing &amp;You</source>
        <translation>Image suivante qui a besoin de &amp;vous</translation>
    </message>
    <message>
        <source>Previous Frame Needing You</source>
        <translation>Image précédente qui a besoin de vous</translation>
    </message>
    <message>
        <source>No frame needs you on this camera</source>
        <translation>Aucune image n’a besoin de vous sur cette caméra</translation>
    </message>
    <message>
        <source>No frame needs you in this direction (%1 in all)</source>
        <translation>Aucune image n’a besoin de vous dans ce sens (%1 en tout)</translation>
    </message>
    <message>
        <source>Frame %1 (%2 of %3 needing you): %4</source>
        <translation>Image %1 (%2 sur %3 qui ont besoin de vous) : %4</translation>
    </message>
    <message>
        <source>Carry Track to Other Camera</source>
        <translation>Reporter la piste sur l&apos;autre caméra</translation>
    </message>
    <message>
        <source>Carry Accepted Boxes to Other Camera</source>
        <translation>Reporter les boîtes acceptées sur l&apos;autre caméra</translation>
    </message>
    <message>
        <source>This campaign has no other camera to carry boxes to</source>
        <translation>Cette campagne n&apos;a pas d&apos;autre caméra où reporter les boîtes</translation>
    </message>
    <message>
        <source>Carry %1 boxes from %2 to %3</source>
        <translation>Reporter %1 boîtes de %2 vers %3</translation>
    </message>
    <message>
        <source>mounting refined from %1 instants with boxes on both cameras (median residual %2 px, was %3 px)</source>
        <translation>montage affiné sur %1 instants avec des boîtes sur les deux caméras (résidu médian %2 px, contre %3 px)</translation>
    </message>
    <message>
        <source>mounting as in the manifest until %1 instants hold boxes on both cameras (%2 now)</source>
        <translation>montage du manifeste tant que %1 instants n&apos;ont pas de boîtes sur les deux caméras (%2 pour l&apos;instant)</translation>
    </message>
    <message>
        <source>No accepted box on %1 to carry</source>
        <translation>Aucune boîte acceptée sur %1 à reporter</translation>
    </message>
    <message>
        <source>%1 boxes carried from %2 to %3 as proposals (%4 left out: their frames hold boxes of yours); %5</source>
        <translation>%1 boîtes reportées de %2 vers %3 comme propositions (%4 écartées : leurs images portent vos boîtes) ; %5</translation>
    </message>
</context>
<context>
    <name>vigie::AnnotationEditor</name>
    <message>
        <source>Draw %1 box</source>
        <translation>Tracer une boîte %1</translation>
    </message>
    <message>
        <source>Move box</source>
        <translation>Déplacer la boîte</translation>
    </message>
    <message>
        <source>Resize box</source>
        <translation>Redimensionner la boîte</translation>
    </message>
    <message>
        <source>Delete %1 box</source>
        <translation>Supprimer la boîte %1</translation>
    </message>
    <message>
        <source>Accept proposal</source>
        <translation>Accepter la proposition</translation>
    </message>
    <message>
        <source>Accept box</source>
        <translation>Accepter la boîte</translation>
    </message>
    <message>
        <source>Reject proposal</source>
        <translation>Rejeter la proposition</translation>
    </message>
    <message>
        <source>Reject box</source>
        <translation>Rejeter la boîte</translation>
    </message>
    <message>
        <source>Set class to %1</source>
        <translation>Classe : %1</translation>
    </message>
    <message>
        <source>Set frame flags</source>
        <translation>Marquer l’image</translation>
    </message>
    <message>
        <source>Mark frame reviewed</source>
        <translation>Marquer l’image comme revue</translation>
    </message>
    <message>
        <source>Unmark frame reviewed</source>
        <translation>Retirer la marque « revue »</translation>
    </message>
    <message>
        <source>Mark frame: no target</source>
        <translation>Marquer l’image : pas de cible</translation>
    </message>
    <message>
        <source>Clear frame: no target</source>
        <translation>Retirer la marque « pas de cible »</translation>
    </message>
    <message>
        <source>Accept %1 boxes</source>
        <translation>Accepter %1 boîtes</translation>
    </message>
    <message>
        <source>Reject %1 boxes</source>
        <translation>Rejeter %1 boîtes</translation>
    </message>
    <message>
        <source>Interpolate %1 frames</source>
        <translation>Interpoler %1 images</translation>
    </message>
    <message>
        <source>%1, carried to the other camera</source>
        <translation>%1, reporté sur l&apos;autre caméra</translation>
    </message>
    <message>
        <source>Carry %1 boxes to the other camera</source>
        <translation>Reporter %1 boîtes sur l&apos;autre caméra</translation>
    </message>
    <message>
        <source>%1, carried to %2 other cameras</source>
        <translation>%1, reporté sur %2 autres caméras</translation>
    </message>
</context>
<context>
    <name>vigie::Attention</name>
    <message>
        <source>the tracker stopped here</source>
        <translation>le suivi s’est arrêté ici</translation>
    </message>
    <message>
        <source>the proposer, the detector and the accepted box disagree</source>
        <translation>le proposeur, le détecteur et la boîte acceptée ne s’accordent pas</translation>
    </message>
    <message>
        <source>the tracked box strays from the geometry</source>
        <translation>la boîte suivie s’écarte de la géométrie</translation>
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
    <message>
        <source>%1: unknown key &apos;%2&apos; (ignored)</source>
        <translation>%1 : clé inconnue « %2 » (ignorée)</translation>
    </message>
    <message>
        <source>must be [right, forward, up] in metres</source>
        <translation>doit être [droite, avant, haut] en mètres</translation>
    </message>
    <message>
        <source>must hold three numbers within 100 m</source>
        <translation>doit contenir trois nombres de moins de 100 m</translation>
    </message>
</context>
<context>
    <name>vigie::CampaignManifest</name>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>pas un objet JSON (%1)</translation>
    </message>
</context>
<context>
    <name>vigie::CampaignSession</name>
    <message>
        <source>Reading the campaign and its logs</source>
        <translation>Lecture de la campagne et de ses journaux</translation>
    </message>
    <message>
        <source>Indexing the videos</source>
        <translation>Indexation des vidéos</translation>
    </message>
    <message>
        <source>camera %1: %2</source>
        <translation>caméra %1 : %2</translation>
    </message>
    <message>
        <source>camera %1, frame %2: %3</source>
        <translation>caméra %1, image %2 : %3</translation>
    </message>
    <message>
        <source>%1: the campaign has no camera</source>
        <translation>%1 : la campagne n’a aucune caméra</translation>
    </message>
    <message>
        <source>camera %1: %2 frames in the video but times for %3 only; the rest are not shown</source>
        <translation>caméra %1 : %2 images dans la vidéo mais des horodatages pour %3 seulement ; les autres ne sont pas affichées</translation>
    </message>
    <message>
        <source>camera %1: no frame has a time</source>
        <translation>caméra %1 : aucune image n’a d’horodatage</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>%1 in view</source>
        <translation>%1 dans le champ</translation>
    </message>
    <message>
        <source>%1 boxes</source>
        <translation>boîtes %1</translation>
    </message>
    <message>
        <source>Dataset %1: %2 boxes loaded, %3 geometric proposals added</source>
        <translation>Jeu de données %1 : %2 boîtes chargées, %3 propositions géométriques ajoutées</translation>
    </message>
    <message>
        <source>before the first frame</source>
        <translation>avant la première image</translation>
    </message>
    <message>
        <source>no fix</source>
        <translation>pas de fix</translation>
    </message>
    <message>
        <source>turret</source>
        <translation>tourelle</translation>
    </message>
    <message>
        <source>target GPS</source>
        <translation>GPS cible</translation>
    </message>
    <message>
        <source>Time offsets not saved: %1</source>
        <translation>Décalages temporels non enregistrés : %1</translation>
    </message>
    <message>
        <source>Time offsets saved to %1</source>
        <translation>Décalages temporels enregistrés dans %1</translation>
    </message>
    <message>
        <source>Set %1 offset to %2 ms</source>
        <translation>Décalage %1 : %2 ms</translation>
    </message>
</context>
<context>
    <name>vigie::ClassMapper</name>
    <message>
        <source>the target projects out of view</source>
        <translation>la cible se projette hors du champ</translation>
    </message>
    <message>
        <source>the search region is empty</source>
        <translation>la région de recherche est vide</translation>
    </message>
</context>
<context>
    <name>vigie::DetectorController</name>
    <message>
        <source>Detector Training</source>
        <translation>Entraînement du détecteur</translation>
    </message>
    <message>
        <source>Detector Review</source>
        <translation>Revue du détecteur</translation>
    </message>
    <message>
        <source>&amp;Train Detector</source>
        <translation>&amp;Entraîner le détecteur</translation>
    </message>
    <message>
        <source>&amp;Resume Training</source>
        <translation>&amp;Reprendre l&apos;entraînement</translation>
    </message>
    <message>
        <source>&amp;Cancel Training</source>
        <translation>&amp;Annuler l&apos;entraînement</translation>
    </message>
    <message>
        <source>Run &amp;Detector on Campaign</source>
        <translation>Lancer le &amp;détecteur sur la campagne</translation>
    </message>
    <message>
        <source>&amp;Next Detector Error</source>
        <translation>Erreur &amp;suivante du détecteur</translation>
    </message>
    <message>
        <source>&amp;Previous Detector Error</source>
        <translation>Erreur &amp;précédente du détecteur</translation>
    </message>
    <message>
        <source>Detector %1 trained and registered (%2)</source>
        <translation>Détecteur %1 entraîné et enregistré (%2)</translation>
    </message>
    <message>
        <source>Detecting: frame %1</source>
        <translation>Détection : image %1</translation>
    </message>
    <message>
        <source>%1: %2 detections on %3 frames added as proposals (%4 frames/s)</source>
        <translation>%1 : %2 détections sur %3 images ajoutées comme propositions (%4 images/s)</translation>
    </message>
    <message>
        <source>Training cancelled: the campaign was closed</source>
        <translation>Entraînement annulé : la campagne a été fermée</translation>
    </message>
    <message>
        <source>Open a campaign first</source>
        <translation>Ouvrez d&apos;abord une campagne</translation>
    </message>
    <message>
        <source>Training on %1 frames with boxes and %2 without target…</source>
        <translation>Entraînement sur %1 images avec boîtes et %2 sans cible…</translation>
    </message>
    <message>
        <source>Running %1 on %2…</source>
        <translation>Exécution de %1 sur %2…</translation>
    </message>
    <message>
        <source>No detector error after this frame</source>
        <translation>Aucune erreur du détecteur après cette image</translation>
    </message>
    <message>
        <source>No detector error before this frame</source>
        <translation>Aucune erreur du détecteur avant cette image</translation>
    </message>
</context>
<context>
    <name>vigie::DetectorRunner</name>
    <message>
        <source>The detector is already running</source>
        <translation>Le détecteur est déjà en cours d&apos;exécution</translation>
    </message>
</context>
<context>
    <name>vigie::DetectorTrainer</name>
    <message>
        <source>A detector is already training</source>
        <translation>Un détecteur est déjà en cours d&apos;entraînement</translation>
    </message>
    <message>
        <source>No accepted or corrected box on this camera yet: accept or draw some boxes first</source>
        <translation>Aucune boîte acceptée ou corrigée sur cette caméra : acceptez ou dessinez d&apos;abord des boîtes</translation>
    </message>
</context>
<context>
    <name>vigie::FrameView</name>
    <message>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <source>geo</source>
        <translation>géo</translation>
    </message>
    <message>
        <source>cam</source>
        <translation>cam</translation>
    </message>
    <message>
        <source>track</source>
        <translation>suivi</translation>
    </message>
    <message>
        <source>interp</source>
        <translation>interp</translation>
    </message>
    <message>
        <source>det</source>
        <translation>dét</translation>
    </message>
    <message>
        <source>range %1 m  az %2°  el %3°</source>
        <translation>distance %1 m  az %2°  site %3°</translation>
    </message>
    <message>
        <source>frame %1  %2</source>
        <translation>image %1  %2</translation>
    </message>
    <message>
        <source>target out of view  %1 m</source>
        <translation>cible hors champ  %1 m</translation>
    </message>
    <message>
        <source>xfer</source>
        <translation>report</translation>
    </message>
</context>
<context>
    <name>vigie::GroundTrack</name>
    <message>
        <source>rings every %1 m</source>
        <translation>cercles tous les %1 m</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
</context>
<context>
    <name>vigie::ImportSummary</name>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1 : %2</translation>
    </message>
    <message>
        <source>Target log (%1)</source>
        <translation>Journal de la cible (%1)</translation>
    </message>
    <message>
        <source>Turret log</source>
        <translation>Journal de la tourelle</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1 : %2 : %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>  fixes by quality: %1</source>
        <translation>  fixes par qualité : %1</translation>
    </message>
    <message>
        <source>  %1 s covered; %2 gaps over the limit; longest interval %3 s</source>
        <translation>  %1 s couvertes ; %2 lacunes au-delà de la limite ; plus long intervalle %3 s</translation>
    </message>
    <message>
        <source>  … and %1 more rejected lines</source>
        <translation>  … et %1 autres lignes rejetées</translation>
    </message>
</context>
<context>
    <name>vigie::MainWindow</name>
    <message>
        <source>Vigie</source>
        <translation>Vigie</translation>
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
    <message>
        <source>No campaign open

File › Open Campaign (Ctrl+O), or drop a campaign.json here</source>
        <translation>Aucune campagne ouverte

Fichier › Ouvrir une campagne (Ctrl+O), ou déposez un campaign.json ici</translation>
    </message>
    <message>
        <source>&amp;Open Campaign…</source>
        <translation>&amp;Ouvrir une campagne…</translation>
    </message>
    <message>
        <source>Import &amp;Summary…</source>
        <translation>&amp;Bilan de l’import…</translation>
    </message>
    <message>
        <source>&amp;Close Campaign</source>
        <translation>&amp;Fermer la campagne</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts…</source>
        <translation>&amp;Raccourcis clavier…</translation>
    </message>
    <message>
        <source>Keyboard &amp;Shortcut Sheet</source>
        <translation>&amp;Aide-mémoire des raccourcis</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>&amp;Lecture</translation>
    </message>
    <message>
        <source>&amp;Overlays</source>
        <translation>&amp;Surimpressions</translation>
    </message>
    <message>
        <source>&amp;Infrared</source>
        <translation>&amp;Infrarouge</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>Telemetry</source>
        <translation>Télémesure</translation>
    </message>
    <message>
        <source>Open Campaign</source>
        <translation>Ouvrir une campagne</translation>
    </message>
    <message>
        <source>Campaign manifests (campaign.json *.json)</source>
        <translation>Manifestes de campagne (campaign.json *.json)</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d’ouvrir %1</translation>
    </message>
    <message>
        <source>Cannot open the campaign</source>
        <translation>Impossible d’ouvrir la campagne</translation>
    </message>
    <message>
        <source>Vigie — opening %1</source>
        <translation>Vigie — ouverture de %1</translation>
    </message>
    <message>
        <source>Vigie — %1</source>
        <translation>Vigie — %1</translation>
    </message>
    <message>
        <source>Opened %1: %2 cameras, %3 master frames</source>
        <translation>%1 ouverte : %2 caméras, %3 images maîtresses</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouverte</translation>
    </message>
    <message>
        <source>Import Summary</source>
        <translation>Bilan de l’import</translation>
    </message>
    <message>
        <source>&amp;Detector</source>
        <translation>&amp;Détecteur</translation>
    </message>
    <message>
        <source>No detector trained for %1 yet: Detector › Train Detector first</source>
        <translation>Aucun détecteur entraîné pour %1 : d&apos;abord Détecteur › Entraîner le détecteur</translation>
    </message>
    <message>
        <source>P&amp;roposals</source>
        <translation>P&amp;ropositions</translation>
    </message>
    <message>
        <source>No proposer trained for %1 yet: Proposals › Train Proposer first</source>
        <translation>Aucun proposeur entraîné pour %1 : Propositions › Entraîner le proposeur d’abord</translation>
    </message>
    <message>
        <source>Add proposals of %1 (%2)</source>
        <translation>Ajouter les propositions de %1 (%2)</translation>
    </message>
</context>
<context>
    <name>vigie::ModelRegistry</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::Nmea</name>
    <message>
        <source>%1 field %2 (%3) &apos;%4&apos; is malformed</source>
        <translation>%1 champ %2 (%3) « %4 » mal formé</translation>
    </message>
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
</context>
<context>
    <name>vigie::ParseReport</name>
    <message>
        <source>%1 lines: %2 accepted, %3 skipped, %4 rejected</source>
        <translation>%1 lignes : %2 acceptées, %3 ignorées, %4 rejetées</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>ouverture impossible : %1</translation>
    </message>
</context>
<context>
    <name>vigie::PlaybackController</name>
    <message>
        <source>&amp;Play/Pause</source>
        <translation>&amp;Lecture/Pause</translation>
    </message>
    <message>
        <source>Step &amp;Forward</source>
        <translation>Image &amp;suivante</translation>
    </message>
    <message>
        <source>Step &amp;Back</source>
        <translation>Image &amp;précédente</translation>
    </message>
    <message>
        <source>Forward 10 Frames</source>
        <translation>Avancer de 10 images</translation>
    </message>
    <message>
        <source>Back 10 Frames</source>
        <translation>Reculer de 10 images</translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation>Première image</translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation>Dernière image</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Plus vite</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Plus lentement</translation>
    </message>
    <message>
        <source>Normal Speed</source>
        <translation>Vitesse normale</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Lecture</translation>
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
    <message>
        <source>Proposals › Train Proposer: batches of 32 weak-label crops (400 take about 20 s on two cores)</source>
        <translation>Propositions › Entraîner le proposeur : lots de 32 imagettes à étiquette faible (400 prennent environ 20 s sur deux cœurs)</translation>
    </message>
    <message>
        <source>&amp;Proposer training steps:</source>
        <translation>Pas d’entraînement du &amp;proposeur :</translation>
    </message>
</context>
<context>
    <name>vigie::ProposerController</name>
    <message>
        <source>&amp;Train Proposer</source>
        <translation>En&amp;traîner le proposeur</translation>
    </message>
    <message>
        <source>&amp;Cancel Proposer</source>
        <translation>&amp;Annuler le proposeur</translation>
    </message>
    <message>
        <source>&amp;Propose Boxes on Campaign</source>
        <translation>&amp;Proposer des boîtes sur la campagne</translation>
    </message>
    <message>
        <source>Show &amp;Class Map</source>
        <translation>Afficher la &amp;carte de classe</translation>
    </message>
    <message>
        <source>Proposer %1 trained and registered (%2)</source>
        <translation>Proposeur %1 entraîné et enregistré (%2)</translation>
    </message>
    <message>
        <source>τ %1 and box scale %2 learnt from %3 accepted boxes</source>
        <translation>τ %1 et échelle des boîtes %2 appris de %3 boîtes acceptées</translation>
    </message>
    <message>
        <source>τ %1: fewer than 5 accepted boxes to learn it from</source>
        <translation>τ %1 : moins de 5 boîtes acceptées pour l’apprendre</translation>
    </message>
    <message>
        <source>%1: %2 proposals added (%3)</source>
        <translation>%1 : %2 propositions ajoutées (%3)</translation>
    </message>
    <message>
        <source>No class map on frame %1: %2</source>
        <translation>Pas de carte de classe sur l’image %1 : %2</translation>
    </message>
    <message>
        <source>Training the proposer on %1 from GPS labels…</source>
        <translation>Entraînement du proposeur sur %1 à partir des étiquettes GPS…</translation>
    </message>
</context>
<context>
    <name>vigie::ProposerRunner</name>
    <message>
        <source>The proposer is already running</source>
        <translation>Le proposeur tourne déjà</translation>
    </message>
    <message>
        <source>The campaign has no GPS fix: no search region, no proposal</source>
        <translation>La campagne n’a aucun point GPS : pas de région de recherche, pas de proposition</translation>
    </message>
</context>
<context>
    <name>vigie::ProposerTrainer</name>
    <message>
        <source>A proposer is already training</source>
        <translation>Un proposeur est déjà en entraînement</translation>
    </message>
    <message>
        <source>%1: the campaign has no GPS fix, so no weak label: the proposer cannot be trained</source>
        <translation>%1 : la campagne n’a aucun point GPS, donc aucune étiquette faible : le proposeur ne peut pas être entraîné</translation>
    </message>
</context>
<context>
    <name>vigie::ReviewPanel</name>
    <message>
        <source>Frame</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>TP</source>
        <translation>VP</translation>
    </message>
    <message>
        <source>FP</source>
        <translation>FP</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Manqués</translation>
    </message>
    <message>
        <source>precision–recall at IoU 0.5</source>
        <translation>précision–rappel à IoU 0,5</translation>
    </message>
    <message>
        <source>recall</source>
        <translation>rappel</translation>
    </message>
    <message>
        <source>precision</source>
        <translation>précision</translation>
    </message>
    <message>
        <source>Precision–recall at IoU 0.5</source>
        <translation>Précision–rappel à IoU 0,5</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle :</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparer avec :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>%1 labelled frames: %2 found, %3 false positives, %4 missed
AP %5 · AP50 %6 · AP75 %7 · AR100 %8</source>
        <translation>%1 images annotées : %2 trouvés, %3 faux positifs, %4 manqués
AP %5 · AP50 %6 · AP75 %7 · AR100 %8</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Compared</source>
        <translation>Comparé</translation>
    </message>
    <message>
        <source>AP</source>
        <translation>AP</translation>
    </message>
    <message>
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <source>AP75</source>
        <translation>AP75</translation>
    </message>
    <message>
        <source>AR100</source>
        <translation>AR100</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvés</translation>
    </message>
    <message>
        <source>False positives</source>
        <translation>Faux positifs</translation>
    </message>
</context>
<context>
    <name>vigie::RtklibPos</name>
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
    <name>vigie::SaveStatus</name>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>Not saved: retrying</source>
        <translation>Non enregistré : nouvel essai</translation>
    </message>
    <message>
        <source>Edits not saved</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Unsaved edits: %1 could not be written to %2.</source>
        <translation>Modifications non enregistrées : %1 n’ont pas pu être écrites dans %2.</translation>
    </message>
    <message>
        <source>Free some disk space or close the program that locks the file, then retry. Discarding loses these edits.</source>
        <translation>Libérez de l’espace disque ou fermez le programme qui verrouille le fichier, puis réessayez. Abandonner perd ces modifications.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Discard Edits</source>
        <translation>&amp;Abandonner les modifications</translation>
    </message>
    <message>
        <source>Unsaved edits discarded: %1</source>
        <translation>Modifications non enregistrées abandonnées : %1</translation>
    </message>
</context>
<context>
    <name>vigie::ShortcutEditor</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Click a shortcut and type the new keys. Backspace clears it.</source>
        <translation>Cliquez sur un raccourci et tapez les nouvelles touches. Retour arrière l’efface.</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>%1 is already the shortcut of “%2”.</source>
        <translation>%1 est déjà le raccourci de « %2 ».</translation>
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
    <name>vigie::SkyPlot</name>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>W</source>
        <translation>O</translation>
    </message>
</context>
<context>
    <name>vigie::StatusIndicators</name>
    <message>
        <source>x %1  y %2</source>
        <translation>x %1  y %2</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>  ×%1</source>
        <translation>  ×%1</translation>
    </message>
    <message>
        <source>frame %1 / %2  %3%4</source>
        <translation>image %1 / %2  %3%4</translation>
    </message>
</context>
<context>
    <name>vigie::TelemetryPanel</name>
    <message>
        <source>UTC</source>
        <translation>UTC</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Distance</translation>
    </message>
    <message>
        <source>Azimuth</source>
        <translation>Azimut</translation>
    </message>
    <message>
        <source>Elevation</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Vitesse</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Fix</translation>
    </message>
    <message>
        <source>σ E/N/U</source>
        <translation>σ E/N/H</translation>
    </message>
    <message>
        <source>Sky</source>
        <translation>Ciel</translation>
    </message>
    <message>
        <source>Ground track</source>
        <translation>Trace au sol</translation>
    </message>
    <message>
        <source>Time offsets (ms)</source>
        <translation>Décalages temporels (ms)</translation>
    </message>
    <message>
        <source>Moves a stream&apos;s timestamps; the overlays follow at once and the campaign file is updated.</source>
        <translation>Décale les horodatages d’un flux ; les surimpressions suivent aussitôt et le fichier de campagne est mis à jour.</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 m/s</source>
        <translation>%1 m/s</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 m</source>
        <translation>%1 / %2 / %3 m</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
</context>
<context>
    <name>vigie::TimelineWidget</name>
    <message>
        <source>No campaign open</source>
        <translation>Aucune campagne ouverte</translation>
    </message>
</context>
<context>
    <name>vigie::TrackRunner</name>
    <message>
        <source>A tracker is already running: wait for it or cancel it (Shift+K)</source>
        <translation>Un suivi est déjà en cours : attendez-le ou annulez-le (Maj+K)</translation>
    </message>
</context>
<context>
    <name>vigie::TrainingPanel</name>
    <message>
        <source>&amp;Train</source>
        <translation>&amp;Entraîner</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Train a new detector on the accepted and corrected boxes of this camera</source>
        <translation>Entraîner un nouveau détecteur sur les boîtes acceptées et corrigées de cette caméra</translation>
    </message>
    <message>
        <source>Continue the last run from its last epoch&apos;s checkpoint</source>
        <translation>Poursuivre le dernier entraînement depuis le point de reprise de sa dernière époque</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Époques :</translation>
    </message>
    <message>
        <source>Steps per epoch:</source>
        <translation>Pas par époque :</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d&apos;entraînement</translation>
    </message>
    <message>
        <source>validation AP50</source>
        <translation>AP50 de validation</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>AP50</source>
        <translation>AP50</translation>
    </message>
    <message>
        <source>Cutting training crops: frame %1 of %2</source>
        <translation>Découpe des imagettes d&apos;entraînement : image %1 sur %2</translation>
    </message>
    <message>
        <source>Epoch %1/%2, step %3/%4 · loss %5 · %6 samples/s · %7 left</source>
        <translation>Époque %1/%2, pas %3/%4 · perte %5 · %6 échantillons/s · reste %7</translation>
    </message>
</context>
<context>
    <name>vigie::TurretLog</name>
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
    <name>vigie::ViewController</name>
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
        <source>Follow &amp;Target</source>
        <translation>Suivre la &amp;cible</translation>
    </message>
    <message>
        <source>Projected &amp;Point</source>
        <translation>&amp;Point projeté</translation>
    </message>
    <message>
        <source>Uncertainty &amp;Ellipse</source>
        <translation>&amp;Ellipse d’incertitude</translation>
    </message>
    <message>
        <source>E&amp;xpected Box</source>
        <translation>Boîte a&amp;ttendue</translation>
    </message>
    <message>
        <source>Out-of-View &amp;Arrow</source>
        <translation>&amp;Flèche hors champ</translation>
    </message>
    <message>
        <source>&amp;Boxes</source>
        <translation>&amp;Boîtes</translation>
    </message>
    <message>
        <source>&amp;White Hot</source>
        <translation>&amp;Blanc chaud</translation>
    </message>
    <message>
        <source>&amp;Black Hot</source>
        <translation>&amp;Noir chaud</translation>
    </message>
    <message>
        <source>&amp;Ironbow</source>
        <translation>&amp;Ironbow</translation>
    </message>
    <message>
        <source>&amp;Next Palette</source>
        <translation>Palette &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Automatic Contrast</source>
        <translation>Contraste &amp;automatique</translation>
    </message>
    <message>
        <source>Contrast &amp;Window…</source>
        <translation>&amp;Fenêtre de contraste…</translation>
    </message>
    <message>
        <source>This campaign has no RGB camera</source>
        <translation>Cette campagne n’a pas de caméra RVB</translation>
    </message>
    <message>
        <source>This campaign has no IR camera</source>
        <translation>Cette campagne n’a pas de caméra IR</translation>
    </message>
    <message>
        <source>No %1 frame at this time</source>
        <translation>Pas d’image %1 à cet instant</translation>
    </message>
    <message>
        <source>IR Contrast Window</source>
        <translation>Fenêtre de contraste IR</translation>
    </message>
    <message>
        <source>Low (black)</source>
        <translation>Bas (noir)</translation>
    </message>
    <message>
        <source>High (white)</source>
        <translation>Haut (blanc)</translation>
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
    <name>vigie::cli::Command</name>
    <message>
        <source>one campaign.json is needed</source>
        <translation>il faut un campaign.json</translation>
    </message>
    <message>
        <source>--db DB is required</source>
        <translation>--db DB est obligatoire</translation>
    </message>
</context>
<context>
    <name>vigie::cli::DbCommand</name>
    <message>
        <source>Manage a dataset: init, info, check, import, export.</source>
        <translation>Gérer un jeu de données : init, info, check, import, export.</translation>
    </message>
    <message>
        <source>init, info, check, import or export.</source>
        <translation>init, info, check, import ou export.</translation>
    </message>
    <message>
        <source>The dataset file (.vigie).</source>
        <translation>Le fichier du jeu de données (.vigie).</translation>
    </message>
    <message>
        <source>import: the file or folder to read.</source>
        <translation>import : le fichier ou le dossier à lire.</translation>
    </message>
    <message>
        <source>info, check: write JSON.</source>
        <translation>info, check : écrire du JSON.</translation>
    </message>
    <message>
        <source>import, export: %1.</source>
        <translation>import, export : %1.</translation>
    </message>
    <message>
        <source>export: the folder to write.</source>
        <translation>export : le dossier à écrire.</translation>
    </message>
    <message>
        <source>export: png (default), jpg, or none.</source>
        <translation>export : png (par défaut), jpg ou none.</translation>
    </message>
    <message>
        <source>export: box states to include (default accepted,corrected); import: the state given to boxes (default accepted).</source>
        <translation>export : états des boîtes à inclure (par défaut accepted,corrected) ; import : l’état donné aux boîtes (par défaut accepted).</translation>
    </message>
    <message>
        <source>export: box sources to include (default all); import: the source given to boxes (default manual).</source>
        <translation>export : sources des boîtes à inclure (par défaut toutes) ; import : la source donnée aux boîtes (par défaut manual).</translation>
    </message>
    <message>
        <source>export: cameras to include (default all).</source>
        <translation>export : caméras à inclure (par défaut toutes).</translation>
    </message>
    <message>
        <source>export: classes to include (default all); import: the class of formats without class names (default drone).</source>
        <translation>export : classes à inclure (par défaut toutes) ; import : la classe des formats sans noms de classes (par défaut drone).</translation>
    </message>
    <message>
        <source>export: train,val,test ratios by sequence (default 0.7,0.15,0.15).</source>
        <translation>export : proportions train,val,test par séquence (par défaut 0.7,0.15,0.15).</translation>
    </message>
    <message>
        <source>import: the campaign name to import under (default: imported).</source>
        <translation>import : le nom de campagne sous lequel importer (par défaut : imported).</translation>
    </message>
    <message>
        <source>import anti-uav-txt: the video the boxes belong to.</source>
        <translation>import anti-uav-txt : la vidéo à laquelle appartiennent les boîtes.</translation>
    </message>
    <message>
        <source>import: frame size WxH when the files do not say it.</source>
        <translation>import : taille d’image LxH quand les fichiers ne la donnent pas.</translation>
    </message>
    <message>
        <source>expected an action and a dataset</source>
        <translation>une action et un jeu de données attendus</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos;</source>
        <translation>action inconnue « %1 »</translation>
    </message>
    <message>
        <source>%1 takes %2</source>
        <translation>%1 prend %2</translation>
    </message>
    <message>
        <source>a dataset and an input</source>
        <translation>un jeu de données et une entrée</translation>
    </message>
    <message>
        <source>a dataset</source>
        <translation>un jeu de données</translation>
    </message>
    <message>
        <source>%1: already exists</source>
        <translation>%1 : existe déjà</translation>
    </message>
    <message>
        <source>%1: new dataset, schema version %2</source>
        <translation>%1 : nouveau jeu de données, schéma version %2</translation>
    </message>
    <message>
        <source>--format must be one of %1</source>
        <translation>--format doit être l’un de %1</translation>
    </message>
    <message>
        <source>%1: schema %2, %3 campaigns, %4 cameras, %5 frames, %6 classes, %7 boxes, %8 history entries, %9 models
</source>
        <translation>%1 : schéma %2, %3 campagnes, %4 caméras, %5 images, %6 classes, %7 boîtes, %8 entrées d’historique, %9 modèles
</translation>
    </message>
    <message>
        <source>%1: ok</source>
        <translation>%1 : ok</translation>
    </message>
    <message>
        <source>%1: %2 problems</source>
        <translation>%1 : %2 problèmes</translation>
    </message>
    <message>
        <source>%1: integrity check failed: %2</source>
        <translation>%1 : échec du contrôle d’intégrité : %2</translation>
    </message>
    <message>
        <source>unknown state &apos;%1&apos;</source>
        <translation>état inconnu « %1 »</translation>
    </message>
    <message>
        <source>unknown source &apos;%1&apos;</source>
        <translation>source inconnue « %1 »</translation>
    </message>
    <message>
        <source>--size must be WxH</source>
        <translation>--size doit être LxH</translation>
    </message>
    <message>
        <source>imported %1 boxes on %2 frames of %3 sequences (classes: %4) as campaign &apos;%5&apos;
</source>
        <translation>%1 boîtes importées sur %2 images de %3 séquences (classes : %4) dans la campagne « %5 »
</translation>
    </message>
    <message>
        <source>export needs --out DIR</source>
        <translation>l’export requiert --out DOSSIER</translation>
    </message>
    <message>
        <source>--split must be three ratios, as 0.7,0.15,0.15</source>
        <translation>--split doit donner trois proportions, comme 0.7,0.15,0.15</translation>
    </message>
    <message>
        <source>camera &apos;%1&apos; has no video</source>
        <translation>la caméra « %1 » n’a pas de vidéo</translation>
    </message>
    <message>
        <source>exporting: %1 %</source>
        <translation>export : %1 %</translation>
    </message>
    <message>
        <source>exported %1 boxes on %2 images of %3 sequences to %4 (%5)
</source>
        <translation>%1 boîtes exportées sur %2 images de %3 séquences vers %4 (%5)
</translation>
    </message>
    <message>
        <source>  %1 boxes left out: the format holds one target per frame</source>
        <translation>  %1 boîtes laissées de côté : le format ne tient qu’une cible par image</translation>
    </message>
</context>
<context>
    <name>vigie::cli::DetectorCommand</name>
    <message>
        <source>campaign.json files (train: one or more; detect, evaluate: one)</source>
        <translation>fichiers campaign.json (train : un ou plusieurs ; detect, evaluate : un seul)</translation>
    </message>
    <message>
        <source>The dataset: train reads its accepted and corrected boxes and registers the model there; detect writes its detections there.</source>
        <translation>Le jeu de données : train y lit les boîtes acceptées et corrigées et y enregistre le modèle ; detect y écrit ses détections.</translation>
    </message>
    <message>
        <source>Camera name or modality (default ir).</source>
        <translation>Nom de caméra ou modalité (ir par défaut).</translation>
    </message>
    <message>
        <source>train: db (the analysts&apos; accepted and corrected boxes, default) or gt (each campaign&apos;s ground_truth.json, for benchmarks).</source>
        <translation>train : db (les boîtes acceptées et corrigées par les analystes, par défaut) ou gt (le ground_truth.json de chaque campagne, pour les bancs d&apos;essai).</translation>
    </message>
    <message>
        <source>train: epochs (default 6).</source>
        <translation>train : époques (6 par défaut).</translation>
    </message>
    <message>
        <source>train: steps per epoch (default 100).</source>
        <translation>train : pas par époque (100 par défaut).</translation>
    </message>
    <message>
        <source>train: seed (default 1).</source>
        <translation>train : graine (1 par défaut).</translation>
    </message>
    <message>
        <source>train: backbone width (default 16).</source>
        <translation>train : largeur du réseau de base (16 par défaut).</translation>
    </message>
    <message>
        <source>train: crop size, a multiple of 8 (default 96).</source>
        <translation>train : taille d&apos;imagette, multiple de 8 (96 par défaut).</translation>
    </message>
    <message>
        <source>train: enlarge images by this before the network (default auto: 2 on IR, whose drones are a few pixels, 1 otherwise).</source>
        <translation>train : agrandir les images de ce facteur avant le réseau (auto par défaut : 2 en IR, dont les drones font quelques pixels, 1 sinon).</translation>
    </message>
    <message>
        <source>train: a held-out campaign (with its ground_truth.json) scored after each epoch.</source>
        <translation>train : une campagne tenue à part (avec son ground_truth.json) évaluée après chaque époque.</translation>
    </message>
    <message>
        <source>train: where to write the weights (default: models/ beside the dataset).</source>
        <translation>train : où écrire les poids (par défaut : models/ à côté du jeu de données).</translation>
    </message>
    <message>
        <source>evaluate: the campaign&apos;s ground_truth.json.</source>
        <translation>evaluate : le ground_truth.json de la campagne.</translation>
    </message>
    <message>
        <source>detect, evaluate: only inside the geometric search region.</source>
        <translation>detect, evaluate : seulement dans la région de recherche géométrique.</translation>
    </message>
    <message>
        <source>detect, evaluate: every n-th frame (default 1).</source>
        <translation>detect, evaluate : une image sur n (1 par défaut).</translation>
    </message>
    <message>
        <source>detect: the lowest score written (default 0.3).</source>
        <translation>detect : le score le plus bas écrit (0,3 par défaut).</translation>
    </message>
    <message>
        <source>detect, evaluate: boxes up to this size (px) fit the drone&apos;s own pixels (default 16; 0: never).</source>
        <translation>detect, evaluate : les boîtes jusqu&apos;à cette taille (px) sont ajustées aux pixels du drone (16 par défaut ; 0 : jamais).</translation>
    </message>
    <message>
        <source>evaluate: also write the COCO ground truth and detections there.</source>
        <translation>evaluate : y écrire aussi la vérité terrain et les détections COCO.</translation>
    </message>
    <message>
        <source>LibTorch threads (default: every core).</source>
        <translation>Threads LibTorch (par défaut : tous les cœurs).</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par machine.</translation>
    </message>
    <message>
        <source>--db DB is required: the model is registered there</source>
        <translation>--db DB est requis : le modèle y est enregistré</translation>
    </message>
    <message>
        <source>--epochs and --steps must be positive, --seed a whole number</source>
        <translation>--epochs et --steps doivent être positifs, --seed un entier</translation>
    </message>
    <message>
        <source>--boxes must be db or gt</source>
        <translation>--boxes doit valoir db ou gt</translation>
    </message>
    <message>
        <source>--width in [4, 256], --crop a multiple of 8 in [32, 1024], --scale in [0.25, 8]</source>
        <translation>--width dans [4, 256], --crop multiple de 8 dans [32, 1024], --scale dans [0,25, 8]</translation>
    </message>
    <message>
        <source>%1: no camera &apos;%2&apos;</source>
        <translation>%1 : pas de caméra « %2 »</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Registered %1 (%2)</source>
        <translation>Enregistré %1 (%2)</translation>
    </message>
    <message>
        <source>detect takes one campaign</source>
        <translation>detect prend une seule campagne</translation>
    </message>
    <message>
        <source>--db DB and --model MODEL are required</source>
        <translation>--db DB et --model MODÈLE sont requis</translation>
    </message>
    <message>
        <source>%1 detections of %2 on %3 frames written (%4 frames already had them); %5 frames/s</source>
        <translation>%1 détections de %2 sur %3 images écrites (%4 images les avaient déjà) ; %5 images/s</translation>
    </message>
    <message>
        <source>evaluate takes one campaign</source>
        <translation>evaluate prend une seule campagne</translation>
    </message>
    <message>
        <source>--gt GROUND_TRUTH and --model MODEL are required</source>
        <translation>--gt VÉRITÉ_TERRAIN et --model MODÈLE sont requis</translation>
    </message>
    <message>
        <source>%1 on %2 (%3), %4 frames%5</source>
        <translation>%1 sur %2 (%3), %4 images%5</translation>
    </message>
    <message>
        <source>, inside the search region</source>
        <translation>, dans la région de recherche</translation>
    </message>
    <message>
        <source>  VOC AP@0.5: 11-point %1, all-point %2</source>
        <translation>  AP VOC@0,5 : 11 points %1, tous les points %2</translation>
    </message>
    <message>
        <source>  Anti-UAV state accuracy %1 (penalised %2)</source>
        <translation>  précision d&apos;état Anti-UAV %1 (pénalisée %2)</translation>
    </message>
    <message>
        <source>by GPS range:</source>
        <translation>par distance GPS :</translation>
    </message>
    <message>
        <source>by elevation:</source>
        <translation>par élévation :</translation>
    </message>
    <message>
        <source>detection: %1 frames/s</source>
        <translation>détection : %1 images/s</translation>
    </message>
    <message>
        <source>detect, evaluate: the box edge is half this quantile of the drone&apos;s contrast above the noise (default 0.5; 1: half its peak).</source>
        <translation>detect, evaluate : le bord de la boîte est à la moitié de ce quantile du contraste du drone au-dessus du bruit (0,5 par défaut ; 1 : la moitié de son pic).</translation>
    </message>
    <message>
        <source>train: continue the camera&apos;s last run (the workstation&apos;s or the CLI&apos;s) from its checkpoint in models/ beside the dataset.</source>
        <translation>train : reprendre le dernier entraînement de la caméra (celui de la station ou de la CLI) à son point de reprise dans models/ à côté du jeu de données.</translation>
    </message>
    <message>
        <source>Train (train), run (detect), evaluate against a ground truth (evaluate) or review against the analysts&apos; labels (review) the embedded CenterNet detector.</source>
        <translation>Entraîner (train), exécuter (detect), évaluer sur une vérité terrain (evaluate) ou revoir face aux étiquettes des analystes (review) le détecteur CenterNet embarqué.</translation>
    </message>
    <message>
        <source>train, detect, evaluate or review</source>
        <translation>train, detect, evaluate ou review</translation>
    </message>
    <message>
        <source>detect, evaluate: a weights file or a registered version; review: the version whose boxes are reviewed (default: the newest registered).</source>
        <translation>detect, evaluate : un fichier de poids ou une version enregistrée ; review : la version dont les boîtes sont revues (par défaut : la plus récente enregistrée).</translation>
    </message>
    <message>
        <source>usage: detector train|detect|evaluate|review CAMPAIGN...</source>
        <translation>usage : detector train|detect|evaluate|review CAMPAGNE...</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos; (train, detect, evaluate or review)</source>
        <translation>action inconnue « %1 » (train, detect, evaluate ou review)</translation>
    </message>
    <message>
        <source>review takes one campaign</source>
        <translation>review prend une seule campagne</translation>
    </message>
    <message>
        <source>--db DB is required: the labels and the detections are read there</source>
        <translation>--db DB est requis : les étiquettes et les détections y sont lues</translation>
    </message>
    <message>
        <source>%1: no detector has run on camera %2 (vigie-cli detector detect writes its boxes)</source>
        <translation>%1 : aucun détecteur n’a tourné sur la caméra %2 (vigie-cli detector detect écrit ses boîtes)</translation>
    </message>
    <message>
        <source>%1: model %2 has no boxes on camera %3 (run vigie-cli detector detect first)</source>
        <translation>%1 : le modèle %2 n’a aucune boîte sur la caméra %3 (lancez d’abord vigie-cli detector detect)</translation>
    </message>
    <message>
        <source>%1: no frame of camera %2 is labelled yet: accept, correct or flag some first</source>
        <translation>%1 : aucune image de la caméra %2 n’est encore étiquetée : acceptez, corrigez ou marquez-en d’abord</translation>
    </message>
    <message>
        <source>%1 on %2: %3 labelled frames, %4 true positives, %5 false positives, %6 misses</source>
        <translation>%1 sur %2 : %3 images étiquetées, %4 vrais positifs, %5 faux positifs, %6 manqués</translation>
    </message>
    <message>
        <source>  AP %1  AP50 %2  AP75 %3  AR100 %4</source>
        <translation>  AP %1  AP50 %2  AP75 %3  AR100 %4</translation>
    </message>
    <message>
        <source>  frame %1: %2 false positives, %3 misses</source>
        <translation>  image %1 : %2 faux positifs, %3 manqués</translation>
    </message>
    <message>
        <source>detect: write the detector&apos;s own scores, without the temporal layer (Seq-NMS through time)</source>
        <translation>detect : écrire les scores du détecteur lui-même, sans la couche temporelle (Seq-NMS dans le temps)</translation>
    </message>
    <message>
        <source>  with the temporal layer (Seq-NMS, %1 ms/frame): AP50 %2 (%3), state accuracy %4 (%5)</source>
        <translation>  avec la couche temporelle (Seq-NMS, %1 ms/image) : AP50 %2 (%3), précision d’état %4 (%5)</translation>
    </message>
</context>
<context>
    <name>vigie::cli::EvaluateCommand</name>
    <message>
        <source>Evaluate COCO detections against COCO ground truth (COCOeval&apos;s 12 figures, VOC AP).</source>
        <translation>Évaluer des détections COCO par rapport à une vérité terrain COCO (les 12 mesures de COCOeval, AP VOC).</translation>
    </message>
    <message>
        <source>Ground truth in COCO format.</source>
        <translation>Vérité terrain au format COCO.</translation>
    </message>
    <message>
        <source>Detections in COCO result format.</source>
        <translation>Détections au format de résultats COCO.</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par machine.</translation>
    </message>
    <message>
        <source>--coco-gt GT.json and --coco-dt DETECTIONS.json are required</source>
        <translation>--coco-gt GT.json et --coco-dt DETECTIONS.json sont requis</translation>
    </message>
    <message>
        <source>%1 images, %2 ground-truth boxes, %3 detections
</source>
        <translation>%1 images, %2 boîtes de vérité terrain, %3 détections
</translation>
    </message>
    <message>
        <source>VOC AP@0.5, category %1 (%2 boxes): 11-point %3, all-point %4
</source>
        <translation>AP VOC@0,5, catégorie %1 (%2 boîtes) : 11 points %3, tous les points %4
</translation>
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
    <name>vigie::cli::ProposeCommand</name>
    <message>
        <source>Write WILDCAT box proposals for a campaign into a dataset.</source>
        <translation>Écrire dans un jeu de données les boîtes proposées par WILDCAT pour une campagne.</translation>
    </message>
    <message>
        <source>campaign.json</source>
        <translation>campaign.json</translation>
    </message>
    <message>
        <source>The dataset to write to (created if missing).</source>
        <translation>Le jeu de données où écrire (créé s’il manque).</translation>
    </message>
    <message>
        <source>A weights file or a registered version.</source>
        <translation>Un fichier de poids ou une version enregistrée.</translation>
    </message>
    <message>
        <source>Camera name or modality (default ir).</source>
        <translation>Nom ou modalité de la caméra (par défaut ir).</translation>
    </message>
    <message>
        <source>LibTorch threads (default: every core).</source>
        <translation>Fils d’exécution LibTorch (par défaut : tous les cœurs).</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>one campaign.json is needed</source>
        <translation>il faut un campaign.json</translation>
    </message>
    <message>
        <source>--db DB is required</source>
        <translation>--db DB est obligatoire</translation>
    </message>
    <message>
        <source>--model is required (a weights file or a registered version)</source>
        <translation>--model est obligatoire (un fichier de poids ou une version enregistrée)</translation>
    </message>
    <message>
        <source>--tau must be in [0, 1)</source>
        <translation>--tau doit être dans [0, 1)</translation>
    </message>
    <message>
        <source>%1: no camera &apos;%2&apos;</source>
        <translation>%1 : pas de caméra « %2 »</translation>
    </message>
    <message>
        <source>%1: the campaign has no GPS fix: no search region, no proposal</source>
        <translation>%1 : la campagne n’a aucun fix GPS : pas de zone de recherche, pas de proposition</translation>
    </message>
    <message>
        <source>%1 proposals of %2 written for camera %3 (%4 already there, left alone)</source>
        <translation>%1 propositions de %2 écrites pour la caméra %3 (%4 déjà présentes, laissées telles quelles)</translation>
    </message>
    <message>
        <source>Threshold on the normalised map (default: learnt with the box scale from the camera&apos;s accepted boxes in the dataset, 0.5 when it has fewer than 5).</source>
        <translation>Seuil sur la carte normalisée (par défaut : appris avec l’échelle des boîtes sur les boîtes acceptées de la caméra dans le jeu de données, 0,5 s’il en a moins de 5).</translation>
    </message>
    <message>
        <source>Boxes scaled about their centre (default: learnt with τ, else 1).</source>
        <translation>Boîtes mises à l’échelle autour de leur centre (par défaut : apprise avec τ, sinon 1).</translation>
    </message>
    <message>
        <source>--box-scale must be in [0.25, 8]</source>
        <translation>--box-scale doit être dans [0,25, 8]</translation>
    </message>
</context>
<context>
    <name>vigie::cli::ProposerCommand</name>
    <message>
        <source>Train (train) or evaluate (evaluate) the WILDCAT proposer.</source>
        <translation>Entraîner (train) ou évaluer (evaluate) le proposeur WILDCAT.</translation>
    </message>
    <message>
        <source>train or evaluate</source>
        <translation>train ou evaluate</translation>
    </message>
    <message>
        <source>campaign.json files (train: one or more; evaluate: one)</source>
        <translation>fichiers campaign.json (train : un ou plusieurs ; evaluate : un)</translation>
    </message>
    <message>
        <source>The dataset whose model registry receives or holds the model.</source>
        <translation>Le jeu de données dont le registre reçoit ou contient le modèle.</translation>
    </message>
    <message>
        <source>Camera name or modality (default ir).</source>
        <translation>Nom ou modalité de la caméra (par défaut ir).</translation>
    </message>
    <message>
        <source>Training steps (default 400).</source>
        <translation>Pas d’entraînement (par défaut 400).</translation>
    </message>
    <message>
        <source>Seed (default 1).</source>
        <translation>Graine (par défaut 1).</translation>
    </message>
    <message>
        <source>Where to write the weights (default: models/ beside the dataset).</source>
        <translation>Où écrire les poids (par défaut : models/ à côté du jeu de données).</translation>
    </message>
    <message>
        <source>evaluate: a weights file or a registered version.</source>
        <translation>evaluate : un fichier de poids ou une version enregistrée.</translation>
    </message>
    <message>
        <source>evaluate: the campaign&apos;s ground_truth.json.</source>
        <translation>evaluate : le ground_truth.json de la campagne.</translation>
    </message>
    <message>
        <source>LibTorch threads (default: every core).</source>
        <translation>Fils d’exécution LibTorch (par défaut : tous les cœurs).</translation>
    </message>
    <message>
        <source>train: WILDCAT k+ (fraction &lt; 1 or count, default 3).</source>
        <translation>train : k+ de WILDCAT (fraction &lt; 1 ou nombre, par défaut 3).</translation>
    </message>
    <message>
        <source>train: WILDCAT k- (default: k+).</source>
        <translation>train : k- de WILDCAT (par défaut : k+).</translation>
    </message>
    <message>
        <source>train: WILDCAT alpha (default 0.7; 1 = WELDON).</source>
        <translation>train : alpha de WILDCAT (par défaut 0.7 ; 1 = WELDON).</translation>
    </message>
    <message>
        <source>train: maps per class M (default 4).</source>
        <translation>train : cartes par classe M (par défaut 4).</translation>
    </message>
    <message>
        <source>train: backbone width (default 16).</source>
        <translation>train : largeur du réseau (par défaut 16).</translation>
    </message>
    <message>
        <source>train: leave the class maps unconstrained (the authors&apos; form).</source>
        <translation>train : cartes de classe non contraintes (la forme des auteurs).</translation>
    </message>
    <message>
        <source>evaluate: skip method (b), the map over whole frames (slow).</source>
        <translation>evaluate : sauter la méthode (b), la carte sur l’image entière (lente).</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>usage: proposer train|evaluate CAMPAIGN...</source>
        <translation>usage : proposer train|evaluate CAMPAGNE...</translation>
    </message>
    <message>
        <source>unknown action &apos;%1&apos; (train or evaluate)</source>
        <translation>action « %1 » inconnue (train ou evaluate)</translation>
    </message>
    <message>
        <source>--db DB is required: the model is registered there</source>
        <translation>--db DB est obligatoire : le modèle y est enregistré</translation>
    </message>
    <message>
        <source>--steps must be a positive number</source>
        <translation>--steps doit être un nombre positif</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed doit être un entier</translation>
    </message>
    <message>
        <source>--kmax must be &gt; 0, --maps in [1, 64], --width in [4, 256], --alpha in [0, 10]</source>
        <translation>--kmax doit être &gt; 0, --maps dans [1, 64], --width dans [4, 256], --alpha dans [0, 10]</translation>
    </message>
    <message>
        <source>%1: no camera &apos;%2&apos;</source>
        <translation>%1 : pas de caméra « %2 »</translation>
    </message>
    <message>
        <source>Registered %1 (%2)</source>
        <translation>%1 enregistré (%2)</translation>
    </message>
    <message>
        <source>evaluate takes one campaign</source>
        <translation>evaluate prend une campagne</translation>
    </message>
    <message>
        <source>--gt GROUND_TRUTH is required</source>
        <translation>--gt VÉRITÉ_TERRAIN est obligatoire</translation>
    </message>
    <message>
        <source>--model is required (a weights file or a registered version)</source>
        <translation>--model est obligatoire (un fichier de poids ou une version enregistrée)</translation>
    </message>
    <message>
        <source>(a) geometric box</source>
        <translation>(a) boîte géométrique</translation>
    </message>
    <message>
        <source>(b) map, whole frame</source>
        <translation>(b) carte, image entière</translation>
    </message>
    <message>
        <source>(c) map in region</source>
        <translation>(c) carte dans la zone</translation>
    </message>
    <message>
        <source>proposals: %1 regions/s</source>
        <translation>propositions : %1 zones/s</translation>
    </message>
    <message>
        <source>evaluate: map gaps closed up to this × the expected size (default 0.75).</source>
        <translation>evaluate : trous de la carte fermés jusqu’à ce facteur × la taille attendue (par défaut 0.75).</translation>
    </message>
    <message>
        <source>evaluate: box refinement threshold, a fraction of the peak contrast (default 0.5; 0 = no refinement).</source>
        <translation>evaluate : seuil d’ajustement des boîtes, une fraction du contraste maximal (par défaut 0.5 ; 0 = sans ajustement).</translation>
    </message>
    <message>
        <source>evaluate: every n-th frame with a visible drone (default 1).</source>
        <translation>evaluate : une image sur n où le drone est visible (par défaut 1).</translation>
    </message>
    <message>
        <source>evaluate: the box edge is that fraction of this quantile of the drone&apos;s contrast above the noise (default 0.5; 1: of its peak).</source>
        <translation>evaluate : le bord de la boîte est à cette fraction de ce quantile du contraste du drone au-dessus du bruit (0,5 par défaut ; 1 : de son pic).</translation>
    </message>
    <message>
        <source>method                 CorLoc@0.5  MaxBoxAcc  MaxBoxAccV2  mean IoU  tau   scale</source>
        <translation>méthode                CorLoc@0.5  MaxBoxAcc  MaxBoxAccV2  IoU moy.  tau   échelle</translation>
    </message>
    <message>
        <source>evaluate: a region is enlarged for the network up to this many pixels (default 262144; 0: no limit).</source>
        <translation>evaluate : une région est agrandie pour le réseau jusqu’à ce nombre de pixels (262144 par défaut ; 0 : sans limite).</translation>
    </message>
    <message>
        <source>%1 on %2, %3 test frames (τ and scale calibrated on the first %4, then %5 left out)</source>
        <translation>%1 sur %2, %3 images de test (τ et échelle calibrés sur les %4 premières, puis %5 écartées)</translation>
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
    <message>
        <source>--%1: &apos;%2&apos; is not a whole number</source>
        <translation>--%1 : « %2 » n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number</source>
        <translation>--%1 : « %2 » n’est pas un nombre</translation>
    </message>
</context>
<context>
    <name>vigie::cli::SynthCommand</name>
    <message>
        <source>Generate a synthetic campaign with its ground truth.</source>
        <translation>Générer une campagne synthétique avec sa vérité terrain.</translation>
    </message>
    <message>
        <source>The campaign folder to write.</source>
        <translation>Le dossier de campagne à écrire.</translation>
    </message>
    <message>
        <source>Seed (default 1).</source>
        <translation>Graine (1 par défaut).</translation>
    </message>
    <message>
        <source>Seconds of campaign (default 60).</source>
        <translation>Secondes de campagne (60 par défaut).</translation>
    </message>
    <message>
        <source>easy, realistic (default) or hard.</source>
        <translation>easy, realistic (par défaut) ou hard.</translation>
    </message>
    <message>
        <source>JSON file overriding the preset&apos;s settings.</source>
        <translation>Fichier JSON qui remplace les réglages du préréglage.</translation>
    </message>
    <message>
        <source>Also write a PNG grid of frames with the ground truth.</source>
        <translation>Écrire aussi une planche PNG d’images avec la vérité terrain.</translation>
    </message>
    <message>
        <source>RGB at 1920×1080 instead of 1280×720.</source>
        <translation>RVB en 1920×1080 au lieu de 1280×720.</translation>
    </message>
    <message>
        <source>video8 (default), png16 or ffv1-16.</source>
        <translation>video8 (par défaut), png16 ou ffv1-16.</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation>argument inattendu « %1 »</translation>
    </message>
    <message>
        <source>--out DIR is required</source>
        <translation>--out DOSSIER est obligatoire</translation>
    </message>
    <message>
        <source>--seed must be a whole number</source>
        <translation>--seed doit être un entier</translation>
    </message>
    <message>
        <source>--duration must be within (0, 3600] seconds</source>
        <translation>--duration doit être compris dans ]0, 3600] secondes</translation>
    </message>
    <message>
        <source>--preset must be easy, realistic or hard</source>
        <translation>--preset doit être easy, realistic ou hard</translation>
    </message>
    <message>
        <source>%1: invalid JSON: %2</source>
        <translation>%1 : JSON invalide : %2</translation>
    </message>
    <message>
        <source>%1: %2 campaign, seed %3, %4 s, generated in %5 s
</source>
        <translation>%1 : campagne %2, graine %3, %4 s, générée en %5 s
</translation>
    </message>
    <message>
        <source>contact sheet: %1
</source>
        <translation>planche contact : %1
</translation>
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
    <name>vigie::cli::TrackCommand</name>
    <message>
        <source>Track the target both ways from the analysts&apos; keyframes (key K).</source>
        <translation>Suivre la cible dans les deux sens depuis les images clés des analystes (touche K).</translation>
    </message>
    <message>
        <source>campaign.json</source>
        <translation>campaign.json</translation>
    </message>
    <message>
        <source>The dataset holding the keyframes; the boxes go there.</source>
        <translation>Le jeu de données qui contient les images clés ; les boîtes y sont écrites.</translation>
    </message>
    <message>
        <source>Camera name or modality (default ir).</source>
        <translation>Nom ou modalité de la caméra (ir par défaut).</translation>
    </message>
    <message>
        <source>Only from the keyframe on this frame (default: every keyframe).</source>
        <translation>Seulement depuis l’image clé de cette image (par défaut : toutes les images clés).</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>%1: no camera &apos;%2&apos;</source>
        <translation>%1 : pas de caméra « %2 »</translation>
    </message>
    <message>
        <source>%1: no keyframe of class %2 on camera %3: accept or draw a box first</source>
        <translation>%1 : aucune image clé de classe %2 sur la caméra %3 : acceptez ou dessinez d’abord une boîte</translation>
    </message>
    <message>
        <source>%1: no keyframe of class %2 on frame %3</source>
        <translation>%1 : aucune image clé de classe %2 sur l’image %3</translation>
    </message>
    <message>
        <source>%1 boxes tracked on camera %2 from %3 keyframes (%4 left to the analyst as proposals, %5 derived boxes replaced)</source>
        <translation>%1 boîtes suivies sur la caméra %2 depuis %3 images clés (%4 laissées à l’analyste comme propositions, %5 boîtes dérivées remplacées)</translation>
    </message>
</context>
<context>
    <name>vigie::cli::TransferCommand</name>
    <message>
        <source>Carry the analysts&apos; boxes of one camera to the other (key B).</source>
        <translation>Reporter les boîtes des analystes d&apos;une caméra sur l&apos;autre (touche B).</translation>
    </message>
    <message>
        <source>campaign.json</source>
        <translation>campaign.json</translation>
    </message>
    <message>
        <source>The dataset holding the boxes; the proposals go there.</source>
        <translation>Le jeu de données qui contient les boîtes ; les propositions y sont écrites.</translation>
    </message>
    <message>
        <source>Camera name or modality carried from (default ir).</source>
        <translation>Nom ou modalité de la caméra source (ir par défaut).</translation>
    </message>
    <message>
        <source>Camera carried to (default rgb).</source>
        <translation>Caméra de destination (rgb par défaut).</translation>
    </message>
    <message>
        <source>Instants with boxes on both cameras before the mounting is refined (default 5).</source>
        <translation>Instants avec des boîtes sur les deux caméras avant d&apos;affiner le montage (5 par défaut).</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>Sortie lisible par une machine.</translation>
    </message>
    <message>
        <source>--min-pairs must be a whole number of at least 1</source>
        <translation>--min-pairs doit être un entier d&apos;au moins 1</translation>
    </message>
    <message>
        <source>%1: no camera &apos;%2&apos;</source>
        <translation>%1 : pas de caméra « %2 »</translation>
    </message>
    <message>
        <source>--from and --to name the same camera</source>
        <translation>--from et --to désignent la même caméra</translation>
    </message>
    <message>
        <source>%1 boxes carried from %2 to %3 as proposals (%4 replaced; %5 frames kept the analyst&apos;s box; %6 had no counterpart frame or fell outside the image)</source>
        <translation>%1 boîtes reportées de %2 vers %3 comme propositions (%4 remplacées ; %5 images ont gardé la boîte de l&apos;analyste ; %6 sans image correspondante ou hors de l&apos;image)</translation>
    </message>
    <message>
        <source>mounting refined from %1 of %2 instants with boxes on both cameras: pan %3°, tilt %4°, roll %5°; median centre residual %6 px → %7 px</source>
        <translation>montage affiné sur %1 des %2 instants avec des boîtes sur les deux caméras : site %4°, gisement %3°, roulis %5° ; résidu médian des centres %6 px → %7 px</translation>
    </message>
    <message>
        <source>mounting as in the manifest: %1 of the %2 instants with boxes on both cameras needed to refine it</source>
        <translation>montage du manifeste : %1 des %2 instants avec des boîtes sur les deux caméras nécessaires pour l&apos;affiner</translation>
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
        <source>random seek latency / packets the decoder took (decode order and reorder delay): p50 %1, p95 %2
</source>
        <translation>latence d&apos;accès aléatoire / paquets pris par le décodeur (ordre de décodage et délai de réordonnancement) : p50 %1, p95 %2
</translation>
    </message>
    <message>
        <source>backward step, cold memory, amortized over %1 steps: %2 frame decode times, %3 decodes
</source>
        <translation>pas en arrière, mémoire froide, amorti sur %1 pas : %2 temps de décodage d&apos;image, %3 décodages
</translation>
    </message>
    <message>
        <source>backward step, steady state with a %1 MiB cache, over %2 steps: %3 frame decode times, %4 decodes (goal &lt;= 2)
</source>
        <translation>pas en arrière, régime établi avec un cache de %1 Mio, sur %2 pas : %3 temps de décodage d&apos;image, %4 décodages (objectif &lt;= 2)
</translation>
    </message>
    <message>
        <source>memory per cached 1080p frame: %1 MiB shown (BGR), %2 MiB decoded on the way (%3)
</source>
        <translation>mémoire par image 1080p en cache : %1 Mio affichée (BGR), %2 Mio décodée en chemin (%3)
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
    <name>vigie::db::Dataset</name>
    <message>
        <source>Qt&apos;s SQLite driver is missing: install libqt6sql6-sqlite</source>
        <translation>le pilote SQLite de Qt est absent : installez libqt6sql6-sqlite</translation>
    </message>
    <message>
        <source>%1: no such dataset</source>
        <translation>%1 : jeu de données introuvable</translation>
    </message>
    <message>
        <source>%1: not a Vigie dataset (not an SQLite file)</source>
        <translation>%1 : pas un jeu de données Vigie (pas un fichier SQLite)</translation>
    </message>
    <message>
        <source>%1: cannot switch the dataset to WAL mode</source>
        <translation>%1 : impossible de passer le jeu de données en mode WAL</translation>
    </message>
    <message>
        <source>%1: the dataset is damaged: %2</source>
        <translation>%1 : le jeu de données est endommagé : %2</translation>
    </message>
    <message>
        <source>row %1 of %2 points to a missing %3</source>
        <translation>la ligne %1 de %2 désigne un %3 absent</translation>
    </message>
    <message>
        <source>a class needs a name</source>
        <translation>une classe requiert un nom</translation>
    </message>
    <message>
        <source>%1: box %2 does not exist</source>
        <translation>%1 : la boîte %2 n’existe pas</translation>
    </message>
    <message>
        <source>%1: the dataset is locked by another Vigie (waited 5 s)</source>
        <translation>%1 : le jeu de données est verrouillé par un autre Vigie (attente de 5 s)</translation>
    </message>
    <message>
        <source>%1: schema version %2 is newer than this Vigie knows (%3): upgrade Vigie</source>
        <translation>%1 : la version de schéma %2 est plus récente que celle que connaît ce Vigie (%3) : mettez Vigie à jour</translation>
    </message>
    <message>
        <source>%1: not a Vigie dataset (tables without a schema version)</source>
        <translation>%1 : pas un jeu de données Vigie (des tables sans version de schéma)</translation>
    </message>
    <message>
        <source>migration %1 is missing from this build</source>
        <translation>la migration %1 manque à cette version</translation>
    </message>
    <message>
        <source>migration to version %1 failed: %2</source>
        <translation>échec de la migration vers la version %1 : %2</translation>
    </message>
</context>
<context>
    <name>vigie::db::DatasetSession</name>
    <message>
        <source>no dataset is open</source>
        <translation>aucun jeu de données n’est ouvert</translation>
    </message>
    <message>
        <source>%1: box on %2 frame %3 not saved: %4</source>
        <translation>%1 : boîte sur %2 image %3 non enregistrée : %4</translation>
    </message>
    <message>
        <source>unknown frame</source>
        <translation>image inconnue</translation>
    </message>
    <message>
        <source>%1: flags of %2 frame %3 not saved: %4</source>
        <translation>%1 : marques de %2 image %3 non enregistrées : %4</translation>
    </message>
    <message>
        <source>Opening the dataset</source>
        <translation>Ouverture du jeu de données</translation>
    </message>
    <message>
        <source>Registering the frames of %1</source>
        <translation>Enregistrement des images de %1</translation>
    </message>
    <message>
        <source>Geometric proposals for %1</source>
        <translation>Propositions géométriques pour %1</translation>
    </message>
    <message>
        <source>%1 (not retried)</source>
        <translation>%1 (pas de nouvel essai)</translation>
    </message>
    <message>
        <source>%1; retrying</source>
        <translation>%1 ; nouvel essai</translation>
    </message>
    <message>
        <source>%1: a run of %2 boxes on %3 not saved: %4</source>
        <translation>%1 : un lot de %2 boîtes sur %3 non enregistré : %4</translation>
    </message>
    <message>
        <source>the box has no row in the dataset</source>
        <translation>la boîte n’a pas de ligne dans le jeu de données</translation>
    </message>
</context>
<context>
    <name>vigie::db::Exchange</name>
    <message>
        <source>no class named &apos;%1&apos; in the dataset</source>
        <translation>aucune classe nommée « %1 » dans le jeu de données</translation>
    </message>
    <message>
        <source>no camera named &apos;%1&apos; in the dataset</source>
        <translation>aucune caméra nommée « %1 » dans le jeu de données</translation>
    </message>
    <message>
        <source>anti-uav-txt is an import format; export anti-uav instead</source>
        <translation>anti-uav-txt est un format d’import ; exportez plutôt en anti-uav</translation>
    </message>
    <message>
        <source>%1: refusing to write outside the export folder</source>
        <translation>%1 : écriture hors du dossier d’export refusée</translation>
    </message>
    <message>
        <source>export cancelled</source>
        <translation>export annulé</translation>
    </message>
    <message>
        <source>exporting images needs the videos (or pass --images none)</source>
        <translation>exporter les images requiert les vidéos (ou passez --images none)</translation>
    </message>
    <message>
        <source>%1 frame %2: %3</source>
        <translation>%1 image %2 : %3</translation>
    </message>
    <message>
        <source>%1: cannot write the image</source>
        <translation>%1 : écriture de l’image impossible</translation>
    </message>
    <message>
        <source>%1: no annotations/*.json</source>
        <translation>%1 : aucun annotations/*.json</translation>
    </message>
    <message>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2 : JSON invalide : %3</translation>
    </message>
    <message>
        <source>%1: a COCO file needs images, annotations and categories arrays</source>
        <translation>%1 : un fichier COCO requiert les tableaux images, annotations et categories</translation>
    </message>
    <message>
        <source>%1: categories[%2]: needs an id and a name</source>
        <translation>%1 : categories[%2] : requiert un id et un nom</translation>
    </message>
    <message>
        <source>%1: images[%2]</source>
        <translation>%1 : images[%2]</translation>
    </message>
    <message>
        <source>%1: needs an id and a file_name</source>
        <translation>%1 : requiert un id et un file_name</translation>
    </message>
    <message>
        <source>%1: file name &apos;%2&apos; escapes the dataset folder</source>
        <translation>%1 : le nom de fichier « %2 » sort du dossier du jeu de données</translation>
    </message>
    <message>
        <source>%1: needs a positive width and height</source>
        <translation>%1 : requiert une largeur et une hauteur positives</translation>
    </message>
    <message>
        <source>%1: no frame number</source>
        <translation>%1 : pas de numéro d’image</translation>
    </message>
    <message>
        <source>%1: %2×%3 differs from the sequence&apos;s other frames</source>
        <translation>%1 : %2×%3 diffère des autres images de la séquence</translation>
    </message>
    <message>
        <source>%1: annotations[%2]</source>
        <translation>%1 : annotations[%2]</translation>
    </message>
    <message>
        <source>%1: image_id %2 is not among the images</source>
        <translation>%1 : image_id %2 ne fait pas partie des images</translation>
    </message>
    <message>
        <source>%1: unknown category_id %2</source>
        <translation>%1 : category_id %2 inconnu</translation>
    </message>
    <message>
        <source>%1: bbox must be four numbers [x, y, w, h]</source>
        <translation>%1 : bbox doit contenir quatre nombres [x, y, w, h]</translation>
    </message>
    <message>
        <source>%1: no class name</source>
        <translation>%1 : aucun nom de classe</translation>
    </message>
    <message>
        <source>%1: no labels folder</source>
        <translation>%1 : pas de dossier labels</translation>
    </message>
    <message>
        <source>%1: the name does not end with _&lt;frame number&gt;</source>
        <translation>%1 : le nom ne finit pas par _&lt;numéro d’image&gt;</translation>
    </message>
    <message>
        <source>%1: missing frame: no image %2 beside the labels</source>
        <translation>%1 : image manquante : pas d’image %2 à côté des étiquettes</translation>
    </message>
    <message>
        <source>%1: unreadable image</source>
        <translation>%1 : image illisible</translation>
    </message>
    <message>
        <source>%1: expected &apos;class cx cy w h&apos;, got %2 fields</source>
        <translation>%1 : « class cx cy w h » attendu, %2 champs trouvés</translation>
    </message>
    <message>
        <source>%1: unknown class &apos;%2&apos; (classes.txt has %3)</source>
        <translation>%1 : classe inconnue « %2 » (classes.txt en a %3)</translation>
    </message>
    <message>
        <source>%1: &apos;%2&apos; is not a number</source>
        <translation>%1 : « %2 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1: no Annotations folder</source>
        <translation>%1 : pas de dossier Annotations</translation>
    </message>
    <message>
        <source>%1:%2: %3 &apos;%4&apos; is not a number</source>
        <translation>%1:%2 : %3 « %4 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1:%2: invalid XML: %3</source>
        <translation>%1:%2 : XML invalide : %3</translation>
    </message>
    <message>
        <source>%1: no sequence and frame (source/sequence, source/frame, or a name ending _&lt;frame&gt;)</source>
        <translation>%1 : ni séquence ni image (source/sequence, source/frame, ou un nom finissant par _&lt;image&gt;)</translation>
    </message>
    <message>
        <source>%1: needs size/width, size/height and a frame number</source>
        <translation>%1 : requiert size/width, size/height et un numéro d’image</translation>
    </message>
    <message>
        <source>%1: an object needs a name and xmin, ymin, xmax, ymax</source>
        <translation>%1 : un objet requiert un nom et xmin, ymin, xmax, ymax</translation>
    </message>
    <message>
        <source>%1: no &lt;sequence&gt;/gt/gt.txt</source>
        <translation>%1 : aucun &lt;séquence&gt;/gt/gt.txt</translation>
    </message>
    <message>
        <source>%1: needs imWidth, imHeight and seqLength</source>
        <translation>%1 : requiert imWidth, imHeight et seqLength</translation>
    </message>
    <message>
        <source>%1: expected frame,id,x,y,w,h[,conf,class,visibility]</source>
        <translation>%1 : frame,id,x,y,w,h[,conf,class,visibility] attendu</translation>
    </message>
    <message>
        <source>%1: field %2 &apos;%3&apos; is not a number</source>
        <translation>%1 : le champ %2 « %3 » n’est pas un nombre</translation>
    </message>
    <message>
        <source>%1: missing frame: frame %2 is not in 1..%3</source>
        <translation>%1 : image manquante : l’image %2 n’est pas dans 1..%3</translation>
    </message>
    <message>
        <source>%1: unknown class &apos;%2&apos;</source>
        <translation>%1 : classe inconnue « %2 »</translation>
    </message>
    <message>
        <source>%1: no IR_label.json or RGB_label.json</source>
        <translation>%1 : ni IR_label.json ni RGB_label.json</translation>
    </message>
    <message>
        <source>%1: exist and gt_rect must have one entry per frame</source>
        <translation>%1 : exist et gt_rect doivent avoir une entrée par image</translation>
    </message>
    <message>
        <source>%1: the frame size is unknown: give it with --size WxH</source>
        <translation>%1 : la taille d’image est inconnue : donnez-la avec --size LxH</translation>
    </message>
    <message>
        <source>%1: gt_rect[%2]</source>
        <translation>%1 : gt_rect[%2]</translation>
    </message>
    <message>
        <source>%1: exist is 1 but the rectangle is not [x, y, w, h]</source>
        <translation>%1 : exist vaut 1 mais le rectangle n’est pas [x, y, w, h]</translation>
    </message>
    <message>
        <source>%1: the frame size is unknown: give the video (--video) or --size WxH</source>
        <translation>%1 : la taille d’image est inconnue : donnez la vidéo (--video) ou --size LxH</translation>
    </message>
    <message>
        <source>%1: expected &apos;x y w h&apos; separated by tabs, got %2 fields</source>
        <translation>%1 : « x y w h » séparés par des tabulations attendus, %2 champs trouvés</translation>
    </message>
    <message>
        <source>%1: %2 lines, but the video has %3 frames</source>
        <translation>%1 : %2 lignes, mais la vidéo a %3 images</translation>
    </message>
    <message>
        <source>no export folder given</source>
        <translation>aucun dossier d’export donné</translation>
    </message>
    <message>
        <source>image format &apos;%1&apos; is not png, jpg or none</source>
        <translation>le format d’image « %1 » n’est ni png, ni jpg, ni none</translation>
    </message>
    <message>
        <source>%1: cannot create the export folder</source>
        <translation>%1 : création du dossier d’export impossible</translation>
    </message>
    <message>
        <source>%1: no such file or folder</source>
        <translation>%1 : fichier ou dossier introuvable</translation>
    </message>
    <message>
        <source>sequence %1: modality &apos;%2&apos; is not rgb or ir</source>
        <translation>séquence %1 : la modalité « %2 » n’est ni rgb ni ir</translation>
    </message>
    <message>
        <source>%1: the box has no area (w %2, h %3)</source>
        <translation>%1 : la boîte n’a pas d’aire (l %2, h %3)</translation>
    </message>
    <message>
        <source>%1: the box [%2, %3, %4, %5] lies outside the %6×%7 image</source>
        <translation>%1 : la boîte [%2, %3, %4, %5] sort de l’image %6×%7</translation>
    </message>
    <message>
        <source>%1: the box has no class</source>
        <translation>%1 : la boîte n’a pas de classe</translation>
    </message>
    <message>
        <source>campaign &apos;%1&apos; is already in the dataset: import under another name (--campaign)</source>
        <translation>la campagne « %1 » est déjà dans le jeu de données : importez sous un autre nom (--campaign)</translation>
    </message>
</context>
<context>
    <name>vigie::inference::CenterNet</name>
    <message>
        <source>unknown architecture &apos;%1&apos;</source>
        <translation>architecture inconnue « %1 »</translation>
    </message>
    <message>
        <source>hyper-parameters out of range</source>
        <translation>hyper-paramètres hors limites</translation>
    </message>
    <message>
        <source>%1: cannot serialise the weights: %2</source>
        <translation>%1 : impossible de sérialiser les poids : %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1 : impossible d&apos;écrire : %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1 : impossible de lire : %2</translation>
    </message>
    <message>
        <source>%1: not a Vigie detector model (no &apos;%2&apos; header)</source>
        <translation>%1 : pas un modèle de détecteur Vigie (pas d&apos;en-tête « %2 »)</translation>
    </message>
    <message>
        <source>%1: truncated model header</source>
        <translation>%1 : en-tête de modèle tronqué</translation>
    </message>
    <message>
        <source>%1: bad model header: %2</source>
        <translation>%1 : en-tête de modèle invalide : %2</translation>
    </message>
    <message>
        <source>%1: the weights cannot be read: %2</source>
        <translation>%1 : les poids ne peuvent pas être lus : %2</translation>
    </message>
    <message>
        <source>training needs crops with boxes (%1 without)</source>
        <translation>l&apos;entraînement a besoin d&apos;imagettes avec boîtes (%1 sans)</translation>
    </message>
    <message>
        <source>training cancelled at step %1</source>
        <translation>entraînement annulé au pas %1</translation>
    </message>
    <message>
        <source>%1: cannot serialise the checkpoint: %2</source>
        <translation>%1 : impossible de sérialiser le point de reprise : %2</translation>
    </message>
    <message>
        <source>%1: not a Vigie detector checkpoint</source>
        <translation>%1 : pas un point de reprise de détecteur Vigie</translation>
    </message>
    <message>
        <source>%1: the checkpoint cannot be read: %2</source>
        <translation>%1 : le point de reprise ne peut pas être lu : %2</translation>
    </message>
</context>
<context>
    <name>vigie::inference::DetectorPipeline</name>
    <message>
        <source>no labelled frame: accept or correct boxes, or mark frames as having no target</source>
        <translation>aucune image annotée : acceptez ou corrigez des boîtes, ou marquez des images comme sans cible</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>no camera %1 in the campaign</source>
        <translation>pas de caméra %1 dans la campagne</translation>
    </message>
    <message>
        <source>no frame was processed</source>
        <translation>aucune image n&apos;a été traitée</translation>
    </message>
</context>
<context>
    <name>vigie::inference::Proposer</name>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: invalid JSON at byte %2: %3</source>
        <translation>%1 : JSON invalide à l’octet %2 : %3</translation>
    </message>
    <message>
        <source>%1: no frames for camera &apos;%2&apos; (is it a Vigie ground truth?)</source>
        <translation>%1 : pas d’images pour la caméra « %2 » (est-ce une vérité terrain Vigie ?)</translation>
    </message>
    <message>
        <source>%1: %2 frame %3: a visible frame without a box</source>
        <translation>%1 : %2 image %3 : une image visible sans boîte</translation>
    </message>
    <message>
        <source>%1: too few frames of camera %2 with a visible drone to calibrate and test (%3)</source>
        <translation>%1 : trop peu d’images de la caméra %2 montrant le drone pour calibrer et tester (%3)</translation>
    </message>
</context>
<context>
    <name>vigie::inference::WeakLabels</name>
    <message>
        <source>no camera %1 in the campaign</source>
        <translation>pas de caméra %1 dans la campagne</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>frame %1 has no time on the campaign&apos;s clock</source>
        <translation>l’image %1 n’a pas d’heure sur l’horloge de la campagne</translation>
    </message>
    <message>
        <source>%1, frame %2: %3</source>
        <translation>%1, image %2 : %3</translation>
    </message>
    <message>
        <source>camera %1: %2 frames have no time on the campaign&apos;s clock and were passed over</source>
        <translation>caméra %1 : %2 images n’ont pas d’instant sur l’horloge de la campagne et ont été sautées</translation>
    </message>
</context>
<context>
    <name>vigie::inference::WildcatNet</name>
    <message>
        <source>unknown architecture &apos;%1&apos;</source>
        <translation>architecture « %1 » inconnue</translation>
    </message>
    <message>
        <source>hyper-parameters out of range</source>
        <translation>hyper-paramètres hors limites</translation>
    </message>
    <message>
        <source>%1: cannot serialise the weights: %2</source>
        <translation>%1 : impossible de sérialiser les poids : %2</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1 : écriture impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1 : lecture impossible : %2</translation>
    </message>
    <message>
        <source>%1: not a Vigie WILDCAT model (no &apos;%2&apos; header)</source>
        <translation>%1 : pas un modèle WILDCAT de Vigie (pas d’en-tête « %2 »)</translation>
    </message>
    <message>
        <source>%1: truncated model header</source>
        <translation>%1 : en-tête de modèle tronqué</translation>
    </message>
    <message>
        <source>%1: bad model header: %2</source>
        <translation>%1 : en-tête de modèle invalide : %2</translation>
    </message>
    <message>
        <source>%1: the weights cannot be read: %2</source>
        <translation>%1 : les poids sont illisibles : %2</translation>
    </message>
    <message>
        <source>training needs positive and negative crops (%1 positive, %2 negative)</source>
        <translation>l’entraînement demande des extraits positifs et négatifs (%1 positifs, %2 négatifs)</translation>
    </message>
    <message>
        <source>training cancelled at step %1</source>
        <translation>entraînement annulé au pas %1</translation>
    </message>
</context>
<context>
    <name>vigie::inference::coco</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1 : impossible de lire : %2</translation>
    </message>
    <message>
        <source>%1:%2: not JSON: %3</source>
        <translation>%1:%2 : pas du JSON : %3</translation>
    </message>
    <message>
        <source>%1: a COCO ground truth is an object with &quot;images&quot; and &quot;annotations&quot;</source>
        <translation>%1 : une vérité terrain COCO est un objet avec « images » et « annotations »</translation>
    </message>
    <message>
        <source>%1: no &quot;images&quot; or &quot;annotations&quot; list</source>
        <translation>%1 : pas de liste « images » ou « annotations »</translation>
    </message>
    <message>
        <source>%1: images[%2] has no integer &quot;id&quot;</source>
        <translation>%1 : images[%2] n&apos;a pas d&apos;« id » entier</translation>
    </message>
    <message>
        <source>%1: annotations[%2] needs integer &quot;id&quot;, &quot;image_id&quot; and &quot;category_id&quot;</source>
        <translation>%1 : annotations[%2] requiert des « id », « image_id » et « category_id » entiers</translation>
    </message>
    <message>
        <source>%1: annotations[%2] (id %3): &quot;bbox&quot; is not [x, y, width, height]</source>
        <translation>%1 : annotations[%2] (id %3) : « bbox » n&apos;est pas [x, y, largeur, hauteur]</translation>
    </message>
    <message>
        <source>%1: annotations[%2] (id %3) is on image %4, which &quot;images&quot; does not list</source>
        <translation>%1 : annotations[%2] (id %3) est sur l&apos;image %4, absente de « images »</translation>
    </message>
    <message>
        <source>%1: categories[%2] has no integer &quot;id&quot;</source>
        <translation>%1 : categories[%2] n&apos;a pas d&apos;« id » entier</translation>
    </message>
    <message>
        <source>%1: a COCO result file is a list of {image_id, category_id, bbox, score}</source>
        <translation>%1 : un fichier de résultats COCO est une liste de {image_id, category_id, bbox, score}</translation>
    </message>
    <message>
        <source>%1: entry %2 needs integer &quot;image_id&quot; and &quot;category_id&quot;</source>
        <translation>%1 : l&apos;entrée %2 requiert des « image_id » et « category_id » entiers</translation>
    </message>
    <message>
        <source>%1: entry %2: &quot;bbox&quot; is not [x, y, width, height]</source>
        <translation>%1 : entrée %2 : « bbox » n&apos;est pas [x, y, largeur, hauteur]</translation>
    </message>
    <message>
        <source>%1: entry %2 has no numeric &quot;score&quot;</source>
        <translation>%1 : l&apos;entrée %2 n&apos;a pas de « score » numérique</translation>
    </message>
    <message>
        <source>%1: entry %2 is on image %3, which the ground truth does not have</source>
        <translation>%1 : l&apos;entrée %2 est sur l&apos;image %3, absente de la vérité terrain</translation>
    </message>
</context>
<context>
    <name>vigie::jobs::Detection</name>
    <message>
        <source>No camera %1 in the campaign</source>
        <translation>Pas de caméra %1 dans la campagne</translation>
    </message>
    <message>
        <source>Detecting: frame %1</source>
        <translation>Détection : image %1</translation>
    </message>
    <message>
        <source>Detection cancelled</source>
        <translation>Détection annulée</translation>
    </message>
    <message>
        <source>%1: %2 detections on %3 frames of %4 (%5 frames/s)</source>
        <translation>%1 : %2 détections sur %3 images de %4 (%5 images/s)</translation>
    </message>
</context>
<context>
    <name>vigie::jobs::DetectorTraining</name>
    <message>
        <source>no campaign to train on</source>
        <translation>aucune campagne sur laquelle entraîner</translation>
    </message>
    <message>
        <source>No accepted or corrected box on this camera yet: accept or draw some boxes first</source>
        <translation>Aucune boîte acceptée ou corrigée sur cette caméra : acceptez ou dessinez d&apos;abord des boîtes</translation>
    </message>
    <message>
        <source>The checkpoint already has %1 epochs: ask for more</source>
        <translation>Le point de reprise a déjà %1 époques : demandez-en davantage</translation>
    </message>
    <message>
        <source>Resuming after epoch %1 from %2</source>
        <translation>Reprise après l’époque %1 depuis %2</translation>
    </message>
    <message>
        <source>Training on %1 labelled frames of %2, validating on %3 frames%4</source>
        <translation>Entraînement sur %1 images annotées de %2, validation sur %3 images%4</translation>
    </message>
    <message>
        <source> of %1</source>
        <translation> de %1</translation>
    </message>
    <message>
        <source> from frame %1 on</source>
        <translation> à partir de l’image %1</translation>
    </message>
    <message>
        <source>Cutting crops from %1</source>
        <translation>Découpe des imagettes de %1</translation>
    </message>
    <message>
        <source>Training cancelled</source>
        <translation>Entraînement annulé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 frames with boxes, %3 without target: %4 crops with a drone, %5 without</source>
        <translation>%1 : %2 images avec boîtes, %3 sans cible : %4 imagettes avec un drone, %5 sans</translation>
    </message>
    <message>
        <source>Epoch %1/%2</source>
        <translation>Époque %1/%2</translation>
    </message>
    <message>
        <source>Training cancelled during epoch %1; the checkpoint of epoch %2 is kept</source>
        <translation>Entraînement annulé pendant l&apos;époque %1 ; le point de reprise de l&apos;époque %2 est conservé</translation>
    </message>
    <message>
        <source>epoch %1/%2  loss %3  %4 samples/s%5</source>
        <translation>époque %1/%2  perte %3  %4 échantillons/s%5</translation>
    </message>
    <message>
        <source>  val AP50 %1</source>
        <translation>  AP50 val. %1</translation>
    </message>
</context>
<context>
    <name>vigie::jobs::Propagation</name>
    <message>
        <source>No camera %1 in the campaign</source>
        <translation>Pas de caméra %1 dans la campagne</translation>
    </message>
    <message>
        <source>Frame %1: the box to track from is empty</source>
        <translation>Image %1 : la boîte de départ du suivi est vide</translation>
    </message>
    <message>
        <source>Tracking: opening the video</source>
        <translation>Suivi : ouverture de la vidéo</translation>
    </message>
    <message>
        <source>The pass from frame %1 stopped: %2</source>
        <translation>La passe depuis l’image %1 s’est arrêtée : %2</translation>
    </message>
    <message>
        <source>Tracking</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Tracking cancelled</source>
        <translation>Suivi annulé</translation>
    </message>
    <message>
        <source>Tracked from frame %1 of %2: %3 boxes, %4 flagged for the analyst (%5 frames/s)</source>
        <translation>Suivi depuis l’image %1 de %2 : %3 boîtes, %4 signalées à l’analyste (%5 images/s)</translation>
    </message>
    <message>
        <source>Neither side of frame %1 to track</source>
        <translation>Aucun côté de l’image %1 à suivre</translation>
    </message>
</context>
<context>
    <name>vigie::jobs::ProposerJobs</name>
    <message>
        <source>No campaign to train the proposer on</source>
        <translation>Aucune campagne sur laquelle entraîner le proposeur</translation>
    </message>
    <message>
        <source>Proposer training cancelled</source>
        <translation>Entraînement du proposeur annulé</translation>
    </message>
    <message>
        <source>%1: the campaign has no GPS fix, so no weak label: the proposer cannot be trained</source>
        <translation>%1 : la campagne n’a aucun point GPS, donc aucune étiquette faible : le proposeur ne peut pas être entraîné</translation>
    </message>
    <message>
        <source>Proposer: cutting weak-label crops of %1</source>
        <translation>Proposeur : découpe des imagettes à étiquette faible de %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: %2 frames of %3, %4 crops with the drone and %5 without, %6 frames without a projection</source>
        <translation>%1 : %2 images de %3, %4 imagettes avec le drone et %5 sans, %6 images sans projection</translation>
    </message>
    <message>
        <source>%1: the target never projects into %2&apos;s view: no weak label to learn from</source>
        <translation>%1 : la cible ne se projette jamais dans le champ de %2 : aucune étiquette faible à apprendre</translation>
    </message>
    <message>
        <source>Proposer: step %1 of %2, loss %3</source>
        <translation>Proposeur : pas %1 sur %2, perte %3</translation>
    </message>
    <message>
        <source>step %1/%2  loss %3  %4 samples/s</source>
        <translation>pas %1/%2  perte %3  %4 exemples/s</translation>
    </message>
    <message>
        <source>The campaign has no GPS fix: no search region, no proposal</source>
        <translation>La campagne n’a aucun point GPS : pas de région de recherche, pas de proposition</translation>
    </message>
    <message>
        <source>Proposals cancelled</source>
        <translation>Propositions annulées</translation>
    </message>
    <message>
        <source>Proposer: learning τ from accepted boxes</source>
        <translation>Proposeur : apprentissage de τ sur les boîtes acceptées</translation>
    </message>
    <message>
        <source>τ %1 and box scale %2 learnt from %3 accepted boxes</source>
        <translation>τ %1 et échelle des boîtes %2 appris de %3 boîtes acceptées</translation>
    </message>
    <message>
        <source>τ %1 and box scale %2 (%3: fewer than 5 accepted boxes to learn them from, or set)</source>
        <translation>τ %1 et échelle des boîtes %2 (%3 : moins de 5 boîtes acceptées pour les apprendre, ou fixés)</translation>
    </message>
    <message>
        <source>Proposer: frame %1</source>
        <translation>Proposeur : image %1</translation>
    </message>
</context>
<context>
    <name>vigie::jobs::Registration</name>
    <message>
        <source>%1: no such file (and no dataset to look it up in)</source>
        <translation>%1 : fichier introuvable (et pas de jeu de données où le chercher)</translation>
    </message>
    <message>
        <source>%1: no model &apos;%2&apos; in the registry</source>
        <translation>%1 : pas de modèle « %2 » dans le registre</translation>
    </message>
    <message>
        <source>%1: camera %2: no frame has a time</source>
        <translation>%1 : caméra %2 : aucune image n’a d’heure</translation>
    </message>
</context>
<context>
    <name>vigie::media::CampaignVideo</name>
    <message>
        <source>camera %1: its frames are clocked at first_frame_utc + i/fps: %2</source>
        <translation>caméra %1 : ses images sont datées par first_frame_utc + i/fps : %2</translation>
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
    <message>
        <source>%1: cannot seek to frame %2: %3</source>
        <translation>%1 : positionnement impossible sur l’image %2 : %3</translation>
    </message>
</context>
<context>
    <name>vigie::media::VideoEncoder</name>
    <message>
        <source>%1: no container for this file name: %2</source>
        <translation>%1 : aucun conteneur pour ce nom de fichier : %2</translation>
    </message>
    <message>
        <source>FFmpeg has no %1 encoder</source>
        <translation>FFmpeg n’a pas d’encodeur %1</translation>
    </message>
    <message>
        <source>unknown pixel format %1</source>
        <translation>format de pixel inconnu %1</translation>
    </message>
    <message>
        <source>%1: cannot open the %2 encoder: %3</source>
        <translation>%1 : ouverture de l’encodeur %2 impossible : %3</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1 : écriture impossible : %2</translation>
    </message>
    <message>
        <source>%1: cannot write the header: %2</source>
        <translation>%1 : écriture de l’en-tête impossible : %2</translation>
    </message>
    <message>
        <source>%1: frame of %2×%3, the video is %4×%5</source>
        <translation>%1 : image de %2×%3, la vidéo fait %4×%5</translation>
    </message>
    <message>
        <source>%1: cannot finish the file: %2</source>
        <translation>%1 : impossible de terminer le fichier : %2</translation>
    </message>
    <message>
        <source>%1: encoding failed: %2</source>
        <translation>%1 : échec de l’encodage : %2</translation>
    </message>
    <message>
        <source>%1: writing failed: %2</source>
        <translation>%1 : échec de l’écriture : %2</translation>
    </message>
</context>
<context>
    <name>vigie::synth</name>
    <message>
        <source>the duration must be within (0, 3600] s</source>
        <translation>la durée doit être comprise dans ]0, 3600] s</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1 : création du dossier impossible</translation>
    </message>
    <message>
        <source>logs</source>
        <translation>journaux</translation>
    </message>
    <message>
        <source>%1: cannot write frame %2</source>
        <translation>%1 : écriture de l’image %2 impossible</translation>
    </message>
    <message>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <source>%1: campaign.json and ground_truth.json are needed</source>
        <translation>%1 : campaign.json et ground_truth.json sont nécessaires</translation>
    </message>
    <message>
        <source>%1: cannot write the contact sheet</source>
        <translation>%1 : écriture de la planche contact impossible</translation>
    </message>
    <message>
        <source>frames</source>
        <translation>images</translation>
    </message>
    <message>
        <source>%1 must be a number in [%2, %3]</source>
        <translation>%1 doit être un nombre dans [%2, %3]</translation>
    </message>
    <message>
        <source>%1 must be true or false</source>
        <translation>%1 doit être true ou false</translation>
    </message>
    <message>
        <source>ir_output must be video8, png16 or ffv1-16</source>
        <translation>ir_output doit être video8, png16 ou ffv1-16</translation>
    </message>
    <message>
        <source>unknown setting &apos;%1&apos;</source>
        <translation>réglage inconnu « %1 »</translation>
    </message>
</context>
</TS>
