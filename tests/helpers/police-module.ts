// The police module both loader test files include: a step, a parameter-decided branch to a
// custody decision, and a checklist item whose deadline counts from that decision.
export const POLICE_MODULE_BODY = `params: [barn]
start: kontakt
nodes:
  kontakt:
    step: { sv: Kontakta polisen, en: Contact the police }
    record:
      - { id: vem, label: { sv: Vem, en: Who } }
    branches:
      - when: { param: barn, eq: true }
        next: akut
    next: return
  akut:
    decision: { sv: Omedelbart omhändertagande, en: Immediate custody }
    checklist: [underst]
    next: return
checklist:
  underst:
    text: { sv: Underställ beslutet, en: Submit the decision }
    owner: district
    urgency: later
    due: { weeks: 1, from: akut.decided_at }
`;
