// Passerelle wallet — label translations for the printable credential.
#include "wallet-cli/export/pdf_labels.h"

namespace passerelle::wallet {

namespace {

// kinds: module, certification, diploma, recognition (formats/profile.h order).
const PdfLabels kLabels[] = {
    {"en", "Awarded to", "Awarded on", "Grade", "Credits", "Level", "Workload", "Awarding body", "Quality assurance",
     "Valid until", "Learning outcomes", "Credential", "Issuer key",
     "Scan this code to check the credential's signature offline:\nverifier verify --qr",
     "This credential is too large for a QR code on paper: ask the holder for the electronic file "
     "(wallet export --format json) to check its signature.",
     {"Module credential", "Certification", "Diploma", "Recognition of prior learning"}},
    {"fr", "Délivré à", "Délivré le", "Note", "Crédits", "Niveau", "Charge de travail", "Organisme certificateur",
     "Assurance qualité", "Valable jusqu'au", "Acquis d'apprentissage", "Attestation", "Clé de l'émetteur",
     "Scannez ce code pour vérifier la signature de l'attestation hors ligne :\nverifier verify --qr",
     "Cette attestation est trop grande pour un code QR imprimé : demandez au titulaire le fichier "
     "électronique (wallet export --format json) pour en vérifier la signature.",
     {"Attestation de module", "Certification", "Diplôme", "Reconnaissance d'acquis"}},
    {"ro", "Acordat lui/ei", "Acordat la", "Notă", "Credite", "Nivel", "Volum de lucru", "Organism emitent",
     "Asigurarea calității", "Valabil până la", "Rezultatele învățării", "Certificat", "Cheia emitentului",
     "Scanați acest cod pentru a verifica semnătura offline:\nverifier verify --qr",
     "Acest certificat este prea mare pentru un cod QR tipărit: cereți titularului fișierul electronic "
     "(wallet export --format json) pentru a-i verifica semnătura.",
     {"Certificat de modul", "Certificare", "Diplomă", "Recunoaștere"}},
    {"el", "Απονέμεται σε", "Ημερομηνία απονομής", "Βαθμός", "Πιστωτικές μονάδες", "Επίπεδο", "Φόρτος εργασίας",
     "Φορέας απονομής", "Διασφάλιση ποιότητας", "Ισχύει έως", "Μαθησιακά αποτελέσματα", "Πιστοποιητικό",
     "Κλειδί εκδότη", "Σαρώστε αυτόν τον κωδικό για να ελέγξετε την υπογραφή χωρίς σύνδεση:\nverifier verify --qr",
     "Το πιστοποιητικό είναι πολύ μεγάλο για κωδικό QR σε χαρτί: ζητήστε από τον κάτοχο το ηλεκτρονικό αρχείο "
     "(wallet export --format json) για να ελέγξετε την υπογραφή του.",
     {"Πιστοποιητικό ενότητας", "Πιστοποίηση", "Δίπλωμα", "Αναγνώριση"}},
    {"ru", "Выдано", "Дата выдачи", "Оценка", "Кредиты", "Уровень", "Трудоёмкость", "Выдавшая организация",
     "Обеспечение качества", "Действительно до", "Результаты обучения", "Документ", "Ключ издателя",
     "Отсканируйте код, чтобы проверить подпись без сети:\nverifier verify --qr",
     "Документ слишком велик для QR-кода на бумаге: попросите у владельца электронный файл "
     "(wallet export --format json), чтобы проверить подпись.",
     {"Сертификат модуля", "Сертификация", "Диплом", "Признание"}},
    {"kk", "Берілді", "Берілген күні", "Баға", "Кредиттер", "Деңгей", "Оқу жүктемесі", "Берген ұйым",
     "Сапаны қамтамасыз ету", "Жарамдылық мерзімі", "Оқыту нәтижелері", "Құжат", "Берушінің кілті",
     "Қолтаңбаны желісіз тексеру үшін кодты сканерлеңіз:\nverifier verify --qr",
     "Құжат қағаздағы QR-код үшін тым үлкен: қолтаңбаны тексеру үшін иесінен электрондық файлды сұраңыз "
     "(wallet export --format json).",
     {"Модуль сертификаты", "Сертификаттау", "Диплом", "Тану"}},
    {"az", "Təqdim edilib", "Verilmə tarixi", "Qiymət", "Kreditlər", "Səviyyə", "Tədris yükü", "Verən qurum",
     "Keyfiyyət təminatı", "Etibarlıdır", "Təlim nəticələri", "Sənəd", "Verənin açarı",
     "İmzanı oflayn yoxlamaq üçün kodu skan edin:\nverifier verify --qr",
     "Sənəd kağız üzərində QR kod üçün çox böyükdür: imzanı yoxlamaq üçün sahibindən elektron faylı istəyin "
     "(wallet export --format json).",
     {"Modul sertifikatı", "Sertifikatlaşdırma", "Diplom", "Tanınma"}},
};

}  // namespace

const PdfLabels& LabelsFor(std::string_view language) {
  std::string_view primary = language.substr(0, language.find_first_of("-_"));
  for (const auto& labels : kLabels)
    if (labels.language == primary) return labels;
  return kLabels[0];
}

}  // namespace passerelle::wallet
