// Cross-checks Passerelle against Digital Bazaar's JavaScript Data Integrity
// stack (@digitalbazaar/vc, data-integrity, eddsa-rdfc-2022 and
// eddsa-jcs-2022 cryptosuites): an independent implementation of the same
// specifications.
//
//   node interop.mjs verify FILE…
//       verifies each credential or presentation (told apart by its type) and
//       prints one line per file: {"file", "kind", "verified", "error"}. A
//       presentation is checked against the challenge and domain its proof
//       states: what is cross-checked is the proof, not the verifier's policy.
//   node interop.mjs mutants IN OUTDIR
//       writes edited copies of the signed credential IN (reordered types and
//       contexts, the proof's @context removed, added or shortened, numbers
//       and strings written otherwise, a BOM, a duplicate member…) for a
//       differential run: both verifiers must agree on each
//   node interop.mjs compare VERDICTS REPORTS
//       compares the lines of `verify` (VERDICTS) with Passerelle's
//       `verifier verify --json` reports in folder REPORTS (same file names):
//       the proof and data-model checks against their verdict; prints each
//       disagreement, exits 1 when there is one
//   node interop.mjs issue-v1 OUTDIR
//       as an issuer with a fresh did:key, signs a VC Data Model 1.1
//       credential three ways: eddsa-rdfc-2022, eddsa-jcs-2022 and the
//       legacy Ed25519Signature2020; writes OUTDIR/v1-<suite>.json and prints
//       the issuer's DID
//   node interop.mjs issue-and-present SUITE IN OUTDIR CHALLENGE DOMAIN
//       as an issuer with a fresh did:key, signs the unsigned credential IN for
//       a holder with another fresh did:key (eddsa-rdfc-2022 or
//       eddsa-jcs-2022); as that holder, presents it for CHALLENGE and DOMAIN;
//       writes OUTDIR/credential.json and OUTDIR/presentation.json and prints
//       the issuer's DID
//
// JSON-LD contexts come from Passerelle's own bundle (formats/contexts, the
// folder given by PASSERELLE_CONTEXTS); did:key is resolved by the JS did:key
// driver. Nothing is fetched from the network.
import fs from 'node:fs';
import path from 'node:path';

import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as rdfcSuite} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {createSignCryptosuite as jcsSign, createVerifyCryptosuite as jcsVerify}
  from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import {Ed25519VerificationKey2020} from '@digitalbazaar/ed25519-verification-key-2020';
import * as DidKey from '@digitalbazaar/did-method-key';

const contextsDir = process.env.PASSERELLE_CONTEXTS;
if(!contextsDir) {
  console.error('interop: set PASSERELLE_CONTEXTS to formats/contexts');
  process.exit(2);
}
const contexts = new Map();
for(const line of fs.readFileSync(path.join(contextsDir, 'CONTEXTS.tsv'), 'utf8').split('\n').slice(1)) {
  const [url, file] = line.split('\t');
  if(url && file) {
    contexts.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, file), 'utf8')));
  }
}

// Passerelle's own contexts are not in the third-party list.
for(const [url, file] of [['https://w3id.org/passerelle/v1', 'w3id.org_passerelle_v1.jsonld'],
  ['https://w3id.org/passerelle/trust/v1', 'w3id.org_passerelle_trust_v1.jsonld']]) {
  contexts.set(url, JSON.parse(fs.readFileSync(path.join(contextsDir, file), 'utf8')));
}

const didKey = DidKey.driver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

async function documentLoader(url) {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if(url.startsWith('did:key:')) {
    return {contextUrl: null, documentUrl: url, document: await didKey.get({url})};
  }
  throw new Error(`offline: no document for ${url}`);
}

// eddsa-jcs-2022 has one cryptosuite object to sign and another to verify.
const verifySuites = {'eddsa-rdfc-2022': rdfcSuite, 'eddsa-jcs-2022': jcsVerify()};
const signSuites = {'eddsa-rdfc-2022': rdfcSuite, 'eddsa-jcs-2022': jcsSign()};

function suiteOf(doc) {
  const proofs = Array.isArray(doc.proof) ? doc.proof : [doc.proof];
  const names = [...new Set(proofs.map(p => p && p.cryptosuite))];
  return names.map(n => new DataIntegrityProof({cryptosuite: verifySuites[n]}));
}

function firstError(result) {
  const errors = [];
  const collect = r => {
    if(!r) return;
    if(r.error) errors.push(...(Array.isArray(r.error.errors) ? r.error.errors : [r.error]));
    for(const c of r.credentialResults || []) collect(c);
    if(r.presentationResult) collect(r.presentationResult);
  };
  collect(result);
  return errors.map(e => e.message || String(e)).join('; ');
}

function firstProof(doc) {
  return (Array.isArray(doc.proof) ? doc.proof[0] : doc.proof) || {};
}

async function verifyOne(file) {
  let doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  // A Passerelle verifier's status-cache entry ({checkedAt, credential}):
  // the status list credential as the issuer served it.
  if(!doc.proof && doc.credential && doc.credential.proof) doc = doc.credential;
  const types = [].concat(doc.type || []);
  const kind = types.includes('VerifiablePresentation') ? 'presentation' : 'credential';
  let result;
  if(kind === 'presentation') {
    const credentials = [].concat(doc.verifiableCredential || []);
    const suite = [...suiteOf(doc), ...credentials.flatMap(suiteOf)];
    const proof = firstProof(doc);
    result = await vc.verify({
      presentation: doc, suite, documentLoader,
      challenge: proof.challenge,
      domain: Array.isArray(proof.domain) ? proof.domain[0] : proof.domain,
      checkStatus: async () => ({verified: true})
    });
  } else {
    result = await vc.verifyCredential({
      credential: doc, suite: suiteOf(doc), documentLoader,
      checkStatus: async () => ({verified: true})
    });
  }
  let verified = result.verified;
  let error = firstError(result);
  // A proof set (a joint diploma): the VC library accepts the document once
  // the issuer's proof holds, so each proof is also checked on its own.
  if(kind === 'credential' && Array.isArray(doc.proof) && doc.proof.length > 1) {
    for(const [i, proof] of doc.proof.entries()) {
      const alone = await jsigs.verify({...doc, proof}, {
        suite: suiteOf({proof}), documentLoader,
        purpose: new jsigs.purposes.AssertionProofPurpose()
      });
      if(!alone.verified) {
        verified = false;
        error += `proof ${i}: ${firstError(alone)}; `;
      }
    }
  }
  return {file: path.basename(file), kind, verified, error};
}

async function newKey() {
  const key = await Ed25519Multikey.generate();
  key.controller = `did:key:${key.publicKeyMultibase}`;
  key.id = `${key.controller}#${key.publicKeyMultibase}`;
  return key;
}

async function issueAndPresent(suiteName, input, outDir, challenge, domain) {
  if(!signSuites[suiteName]) throw new Error(`unknown cryptosuite ${suiteName}`);
  const issuer = await newKey();
  const holder = await newKey();
  const credential = JSON.parse(fs.readFileSync(input, 'utf8'));
  delete credential.proof;
  delete credential.credentialStatus;  // this issuer keeps no status list
  credential.issuer = typeof credential.issuer === 'object' ?
    {...credential.issuer, id: issuer.controller} : issuer.controller;
  credential.credentialSubject = {...credential.credentialSubject, id: holder.controller};
  const signed = await vc.issue({
    credential, documentLoader,
    suite: new DataIntegrityProof({signer: issuer.signer(), cryptosuite: signSuites[suiteName]})
  });
  const presentation = vc.createPresentation({verifiableCredential: [signed], holder: holder.controller});
  const presented = await vc.signPresentation({
    presentation, challenge, domain, documentLoader,
    suite: new DataIntegrityProof({signer: holder.signer(), cryptosuite: signSuites[suiteName]})
  });
  fs.writeFileSync(path.join(outDir, 'credential.json'), JSON.stringify(signed, null, 2));
  fs.writeFileSync(path.join(outDir, 'presentation.json'), JSON.stringify(presented, null, 2));
  console.log(issuer.controller);
}

function writeMutants(input, outDir) {
  const text = fs.readFileSync(input, 'utf8');
  const base = JSON.parse(text);
  const tag = path.basename(input, '.json');
  const out = (name, body) => fs.writeFileSync(path.join(outDir, `${tag}.${name}.json`), body);
  const edit = (name, f) => {
    const d = JSON.parse(text);
    f(d);
    out(name, JSON.stringify(d));
  };
  edit('same', () => {});
  out('pretty', JSON.stringify(base, null, 3));
  edit('type-reversed', d => d.type.reverse());
  edit('context-reversed', d => d['@context'].reverse());
  edit('context-repeated', d => d['@context'].push(d['@context'][0]));
  edit('proof-in-array', d => { d.proof = [d.proof]; });
  edit('proof-context-removed', d => { delete d.proof['@context']; });
  edit('proof-context-first-only', d => { d.proof['@context'] = [d['@context'][0]]; });
  edit('proof-context-foreign', d => { d.proof['@context'] = ['https://w3id.org/security/data-integrity/v2']; });
  edit('proof-context-reversed', d => { d.proof['@context'] = [...d['@context']].reverse(); });
  edit('proof-created-millis', d => { d.proof.created = d.proof.created.replace('Z', '.000Z'); });
  edit('proof-id-added', d => { d.proof.id = 'urn:uuid:6f0e3c34-36a3-4c86-9d5e-1a1b8d7f0c11'; });
  edit('cryptosuite-swapped', d => {
    d.proof.cryptosuite = d.proof.cryptosuite === 'eddsa-jcs-2022' ? 'eddsa-rdfc-2022' : 'eddsa-jcs-2022';
  });
  edit('verification-method-bare', d => { d.proof.verificationMethod = d.proof.verificationMethod.split('#')[0]; });
  edit('proof-value-base64url', d => { d.proof.proofValue = 'u' + d.proof.proofValue.slice(1); });
  edit('issuer-id-only', d => {
    const vc = d.verifiableCredential ? [].concat(d.verifiableCredential)[0] : d;
    if(typeof vc.issuer === 'object') vc.issuer = vc.issuer.id;
  });
  edit('subject-name-added', d => {
    if(d.credentialSubject) d.credentialSubject.name = 'Mallory';
    else d.holder = 'did:example:mallory';
  });
  edit('valid-from-offset', d => { if(d.validFrom) d.validFrom = d.validFrom.replace('Z', '+00:00'); });
  out('ects-decimal-point', text.replace(/("ects": *)(\d+)([,\n}])/, '$1$2.0$3'));
  out('ects-exponent', text.replace(/("ects": *)(\d+)([,\n}])/, '$1$2e0$3'));
  out('slash-escaped', text.replace('https://', 'https:\\/\\/'));
  out('accent-escaped', text.replace('é', '\\u00e9'));
  out('accent-decomposed', text.replace('é', 'e\u0301'));
  out('bom', '\ufeff' + text);
}

// Passerelle's verdict on the proofs, from its JSON report: the proof and
// data-model checks of the document and of each credential a presentation
// carries (what their verifier decides).
function oursFromReport(file) {
  let report;
  try {
    report = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {verified: false, why: 'no report'};
  }
  const parts = [report, ...(report.credentials || [])];
  let verified = true;
  const why = [];
  for(const part of parts) {
    const checks = Object.fromEntries((part.checks || []).map(c => [c.check, c]));
    verified &&= !!(checks.proof && checks.proof.ok && checks.model && checks.model.ok);
    why.push(...(part.checks || []).filter(c => !c.ok).map(c => `${c.check}: ${c.detail}`));
  }
  return {verified, why: why.join('; ') || JSON.stringify(report.errors || '')};
}

function compare(verdictsFile, reportsDir) {
  let agree = 0;
  const disagreements = [];
  for(const line of fs.readFileSync(verdictsFile, 'utf8').trim().split('\n')) {
    const theirs = JSON.parse(line);
    const ours = oursFromReport(path.join(reportsDir, theirs.file));
    if(ours.verified === theirs.verified) agree++;
    else disagreements.push(`${theirs.file}: theirs ${theirs.verified} (${theirs.error}), ours ${ours.verified} (${ours.why})`);
  }
  console.log(JSON.stringify({agree, disagree: disagreements.length}));
  for(const d of disagreements) console.log(d);
  return disagreements.length === 0;
}

async function issueV1(outDir) {
  const multikey = await newKey();
  const legacyKey = await Ed25519VerificationKey2020.generate();
  const credential = context => ({
    '@context': ['https://www.w3.org/2018/credentials/v1', context],
    id: 'urn:uuid:3f0d7a52-5b9e-4c1d-8a6f-2e4b7c9d1a30',
    type: ['VerifiableCredential'],
    issuer: multikey.controller,
    issuanceDate: '2026-01-01T00:00:00Z',
    expirationDate: '2036-01-01T00:00:00Z',
    credentialSubject: {id: 'did:example:learner'}
  });
  for(const name of ['eddsa-rdfc-2022', 'eddsa-jcs-2022']) {
    const suite = new DataIntegrityProof({signer: multikey.signer(), cryptosuite: signSuites[name]});
    const signed = await vc.issue({
      credential: credential('https://w3id.org/security/data-integrity/v2'), suite, documentLoader
    });
    fs.writeFileSync(path.join(outDir, `v1-${name}.json`), JSON.stringify(signed, null, 2));
  }
  // Ed25519Signature2020 with the key's own did:key (a fresh one: its
  // fingerprint is the did:key identifier).
  legacyKey.controller = `did:key:${legacyKey.fingerprint()}`;
  legacyKey.id = `${legacyKey.controller}#${legacyKey.fingerprint()}`;
  const legacy = credential('https://w3id.org/security/suites/ed25519-2020/v1');
  legacy.issuer = legacyKey.controller;
  const signed = await vc.issue({credential: legacy, suite: new Ed25519Signature2020({key: legacyKey}), documentLoader});
  fs.writeFileSync(path.join(outDir, 'v1-Ed25519Signature2020.json'), JSON.stringify(signed, null, 2));
  console.log(multikey.controller);
  console.log(legacyKey.controller);
}

const [command, ...args] = process.argv.slice(2);
if(command === 'verify') {
  let failed = false;
  for(const file of args) {
    let line;
    try {
      line = await verifyOne(file);
    } catch(e) {
      line = {file: path.basename(file), kind: 'unreadable', verified: false, error: e.message};
    }
    failed ||= !line.verified;
    console.log(JSON.stringify(line));
  }
  process.exit(failed ? 1 : 0);
} else if(command === 'mutants' && args.length === 2) {
  writeMutants(args[0], args[1]);
} else if(command === 'compare' && args.length === 2) {
  process.exit(compare(args[0], args[1]) ? 0 : 1);
} else if(command === 'issue-v1' && args.length === 1) {
  await issueV1(args[0]);
} else if(command === 'issue-and-present' && args.length === 5) {
  await issueAndPresent(...args);
} else {
  console.error('usage: interop.mjs verify FILE…\n' +
    '       interop.mjs mutants IN OUTDIR\n' +
    '       interop.mjs compare VERDICTS REPORTS\n' +
    '       interop.mjs issue-v1 OUTDIR\n' +
    '       interop.mjs issue-and-present SUITE IN OUTDIR CHALLENGE DOMAIN');
  process.exit(2);
}
