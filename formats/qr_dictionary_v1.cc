// Passerelle — the QR payload dictionary, version 1. FROZEN: these bytes are
// part of payload version 1 (docs/formats/qr-payload.md); editing them breaks
// every QR code already printed. Make a qr_dictionary_v2 instead.
//
// Deflate finds matches up to 32 KiB back and codes near ones in fewer bits,
// so the dictionary ends with what every payload contains — a presentation
// of a module credential, compact, keys in the sorted order DumpJson writes,
// variable values (keys, signatures, ids, names, text) left out — and starts
// with strings that only some payloads contain.
#include "formats/qr_dictionary_v1.h"

namespace passerelle {
namespace {

constexpr char kDictionary[] =
    // Least frequent: the words titles and learning outcomes are made of
    // (outcomes open with an action verb), in English and French.
    "Explain the Describe the Identify the Apply the Analyse the Evaluate the Design a "
    "Build and maintain Prepare the Plan Use Run a Map the Manage Assess Implement Compare "
    "Develop Lead  and  of the  in the  for  to  with  of a  in Foundations of Introduction to "
    "Principles of management analysis communication development professional practice "
    " de la  des  et  du  en  pour  les  dans  \xc3\xa0 la Fondamentaux d"
    "Introduction \xc3\xa0 management de la analyse \xc3\xa9valuation d\xc3\xa9veloppement professionnel"
    // Then other kinds, other suites and purposes, other language tags,
    // other levels and vocabularies.
    "\"type\":[\"VerifiableCredential\",\"CertificationCredential\"]"
    "\"type\":[\"VerifiableCredential\",\"DiplomaCredential\"]"
    "\"type\":[\"VerifiableCredential\",\"RecognitionCredential\"]"
    "\"type\":\"Qualification\""
    "\"hasPart\":[\"urn:uuid:"
    "\"awardingBody\":\"did:web:"
    "\"nqfLevel\":\"http://data.europa.eu/snb/qdr/c_"
    "\"learningSetting\":\"http://data.europa.eu/snb/learning-setting/"
    "\"dateOfBirth\":\"19"
    "\"originalCredential\":\"urn:uuid:"
    "\"originalGrade\":"
    "\"recognitionRule\":"
    "\"creditsGranted\":"
    "\"decisionReference\":"
    "\"decidedOn\":\"20"
    "\"validUntil\":\"20"
    "\"expires\":\"20"
    "\"previousProof\":\"urn:uuid:"
    "\"cryptosuite\":\"eddsa-jcs-2022\""
    "\"proofPurpose\":\"assertionMethod\""
    "\"verificationMethod\":\"did:web:"
    "#key-1\""
    "\"el\":\"\"ro\":\"\"ru\":\"\"de\":\"\"es\":\"\"it\":\"\"kk\":\"\"az\":\"\"pt\":\"\"nl\":\"\"pl\":\""
    "RO-1-10GR-0-10RU-2-5KZ-0-100AZ-0-100"
    "http://data.europa.eu/snb/eqf/6http://data.europa.eu/snb/eqf/7"
    "\"issuer\":\"did:key:z6Mk"
    // A presentation (holder proof first: keys sort "holder" < "proof" <
    // "type" < "verifiableCredential") …
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"holder\":\"did:key:z6Mk\","
    "\"proof\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
    "\"challenge\":\"\",\"created\":\"20T\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"domain\":\"https://\","
    "\"proofPurpose\":\"authentication\",\"proofValue\":\"z\",\"type\":\"DataIntegrityProof\","
    "\"verificationMethod\":\"did:key:z6Mk\"},\"type\":[\"VerifiablePresentation\"],"
    "\"verifiableCredential\":["
    // … of one module credential with its two status entries.
    "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://w3id.org/passerelle/v1\"],"
    "\"credentialStatus\":[{\"id\":\"https:///status-lists/revocation-1#\","
    "\"statusListCredential\":\"https:///status-lists/revocation-1\",\"statusListIndex\":\"\","
    "\"statusPurpose\":\"revocation\",\"type\":\"BitstringStatusListEntry\"},"
    "{\"id\":\"https:///status-lists/suspension-1#\","
    "\"statusListCredential\":\"https:///status-lists/suspension-1\",\"statusListIndex\":\"\","
    "\"statusPurpose\":\"suspension\",\"type\":\"BitstringStatusListEntry\"}],"
    "\"credentialSubject\":{\"achievement\":{\"assessmentType\":\"http://data.europa.eu/snb/assessment/\","
    "\"code\":\"\",\"ects\":,\"eqfLevel\":\"http://data.europa.eu/snb/eqf/5\","
    "\"grade\":{\"scheme\":\"FR-0-20\",\"value\":\"\"},"
    "\"isPartOf\":\"urn:passerelle:programme:\",\"learningOutcomes\":{\"en\":[\"\"]},"
    "\"mode\":\"http://data.europa.eu/snb/learning-assessment/\","
    "\"qualityAssurance\":\"http://data.europa.eu/snb/accreditation/\","
    "\"title\":{\"en\":\"\",\"fr\":\"\"},\"type\":\"LearningAchievement\",\"workload\":\"PT0H\"},"
    "\"awardedOn\":\"20-06-24T00:00:00Z\",\"familyName\":\"\",\"givenName\":\"\",\"id\":\"did:key:z6Mk\"},"
    "\"id\":\"urn:uuid:\",\"issuer\":{\"country\":\"FR\",\"id\":\"did:key:z6Mk\",\"name\":\"\"},"
    "\"proof\":{\"@context\":[\"https://www.w3.org/ns/credentials/v2\",\"https://w3id.org/passerelle/v1\"],"
    "\"created\":\"20\",\"cryptosuite\":\"eddsa-rdfc-2022\",\"proofPurpose\":\"assertionMethod\","
    "\"proofValue\":\"z\",\"type\":\"DataIntegrityProof\",\"verificationMethod\":\"did:key:z6Mk\"},"
    "\"type\":[\"VerifiableCredential\",\"ModuleCredential\"],\"validFrom\":\"20T00:00:00Z\"}]}";

}  // namespace

std::string_view QrDictionaryV1() { return {kDictionary, sizeof kDictionary - 1}; }

}  // namespace passerelle
