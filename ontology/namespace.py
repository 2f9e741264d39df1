"""The dakg vocabulary as Python names, and where its Turtle files live.

The ontology and the SHACL shapes are data: ``dakg.ttl`` and ``shapes.ttl`` sit beside this
module and are found through ``Path(__file__).parent``, so they ship inside the package and
load without the network. Code refers to terms through ``DAKG``, a ``DefinedNamespace``
with ``_fail = True`` (as ``rdflib/namespace/_PROV.py`` does for PROV): a misspelt term such
as ``DAKG.fromstate`` raises ``AttributeError`` at once instead of minting an IRI that no
shape or query knows. ``tests/test_ontology.py`` checks that the names below and the terms
of ``dakg.ttl`` are the same set.

``ID`` and ``GRAPH`` are the bases under which instances
(``https://w3id.org/dakg/id/{kind}/{slug}``) and named graphs are minted; they live here so
that every room mints under the same bases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["DAKG", "GRAPH", "ID", "NS", "ONTOLOGY_IRI", "ONTOLOGY_PATH", "SHAPES_PATH"]

HERE: Final[Path] = Path(__file__).parent
ONTOLOGY_PATH: Final[Path] = HERE / "dakg.ttl"
SHAPES_PATH: Final[Path] = HERE / "shapes.ttl"

NS: Final[str] = "https://w3id.org/dakg/ontology#"
ONTOLOGY_IRI: Final[str] = "https://w3id.org/dakg/ontology"
ID: Final[str] = "https://w3id.org/dakg/id/"
GRAPH: Final[str] = "https://w3id.org/dakg/graph/"


class DAKG(DefinedNamespace):
    """Diplomatic Assurances Knowledge Graph ontology (``dakg.ttl``, version 1.0.0)."""

    _fail = True
    _NS = Namespace(NS)

    # Classes
    Agent: URIRef  # Agent
    Person: URIRef  # Person
    Group: URIRef  # Group of persons
    Organisation: URIRef  # Organisation
    State: URIRef  # State
    Body: URIRef  # Body
    Court: URIRef  # Court
    TreatyBody: URIRef  # Treaty body
    SpecialProcedure: URIRef  # Special procedure
    GovernmentAgency: URIRef  # Government agency
    Place: URIRef  # Place
    Instrument: URIRef  # Instrument
    Treaty: URIRef  # Treaty
    Convention: URIRef  # Convention
    Provision: URIRef  # Provision
    Article: URIRef  # Article
    Rule: URIRef  # Rule
    Obligation: URIRef  # Obligation
    Fact: URIRef  # Fact
    Case: URIRef  # Case
    ProposedCase: URIRef  # Proposed case
    Event: URIRef  # Event
    Transfer: URIRef  # Transfer
    AssuranceEvent: URIRef  # Assurance event
    Harm: URIRef  # Harm
    Decision: URIRef  # Decision
    AdvocacyAction: URIRef  # Advocacy action
    RoleFact: URIRef  # Role fact
    TreatyAction: URIRef  # Treaty action
    Signature: URIRef  # Signature
    Ratification: URIRef  # Ratification
    Accession: URIRef  # Accession
    Succession: URIRef  # Succession
    Withdrawal: URIRef  # Withdrawal
    ReservationOrDeclaration: URIRef  # Reservation or declaration
    Reservation: URIRef  # Reservation
    Declaration: URIRef  # Declaration
    Document: URIRef  # Document
    Segment: URIRef  # Segment
    Section: URIRef  # Section
    Paragraph: URIRef  # Paragraph
    Sentence: URIRef  # Sentence
    FootnoteMarker: URIRef  # Footnote marker
    Evidence: URIRef  # Evidence
    Citation: URIRef  # Citation
    NormStatement: URIRef  # Norm statement
    aboutProvision: URIRef  # about provision
    normKind: URIRef  # norm kind
    NormKindScheme: URIRef  # Norm kinds
    ExplicitNonRefoulement: URIRef  # explicit non-refoulement
    DerivedNonRefoulement: URIRef  # derived non-refoulement
    AbsoluteBan: URIRef  # absolute ban
    PermittedException: URIRef  # permitted exception
    RiskStandard: URIRef  # risk standard
    Remedy: URIRef  # remedy
    AssuranceFactor: URIRef  # factor for weighing assurances
    ProhibitedReliance: URIRef  # circumstance prohibiting reliance on assurances
    IncorporatedNonRefoulement: URIRef  # incorporated non-refoulement
    TortureProhibition: URIRef  # prohibition of torture
    IndividualComplaint: URIRef  # individual complaint
    PreventiveMonitoring: URIRef  # preventive monitoring
    RiskFinding: URIRef  # Risk finding
    assesses: URIRef  # assesses

    # Object properties
    about: URIRef  # about
    actingState: URIRef  # acting state
    addressee: URIRef  # addressee
    agencyOf: URIRef  # agency of
    appliesProvision: URIRef  # applies provision
    arisesFrom: URIRef  # arises from
    assuranceKind: URIRef  # assurance kind
    atPlace: URIRef  # at place
    attributedTo: URIRef  # attributed to
    author: URIRef  # author
    concerns: URIRef  # concerns
    concernsRight: URIRef  # concerns right
    datePrecision: URIRef  # date precision
    decidedBy: URIRef  # decided by
    decisionKind: URIRef  # decision kind
    fromState: URIRef  # from state
    givenBy: URIRef  # given by
    harmKind: URIRef  # harm kind
    hasMember: URIRef  # has member
    inDocument: URIRef  # in document
    inSegment: URIRef  # in segment
    locatedIn: URIRef  # located in
    monitors: URIRef  # monitors
    nationality: URIRef  # nationality
    obligedState: URIRef  # obliged state
    ofInstrument: URIRef  # of instrument
    partOfCase: URIRef  # part of case
    perpetrator: URIRef  # perpetrator
    relatesToTransfer: URIRef  # relates to transfer
    respondent: URIRef  # respondent
    reviewer: URIRef  # reviewer
    reviewStatus: URIRef  # review status
    riskFactor: URIRef  # risk factor
    roleHolder: URIRef  # role holder
    roleIn: URIRef  # role in
    signatory: URIRef  # signatory
    soughtBy: URIRef  # sought by
    toProvision: URIRef  # to provision
    toState: URIRef  # to state
    transferee: URIRef  # transferee
    transferKind: URIRef  # transfer kind
    transferStatus: URIRef  # transfer status
    viaPlace: URIRef  # via place
    victim: URIRef  # victim

    # Datatype properties
    alleged: URIRef  # alleged
    assuranceContent: URIRef  # assurance content
    confidential: URIRef  # confidential
    cleanText: URIRef  # clean text
    confidence: URIRef  # confidence
    dateEnd: URIRef  # date end
    dateStart: URIRef  # date start
    dateText: URIRef  # date text
    depositDate: URIRef  # deposit date
    inForceDate: URIRef  # in force date
    verified: URIRef  # verified
    demand: URIRef  # demand
    end: URIRef  # end
    extractionRule: URIRef  # extraction rule
    finding: URIRef  # finding
    footnoteNumber: URIRef  # footnote number
    index: URIRef  # index
    iso3166Alpha3: URIRef  # ISO 3166-1 alpha-3 code
    length: URIRef  # length
    level: URIRef  # level
    memberCount: URIRef  # member count
    metadataRecovered: URIRef  # metadata recovered
    method: URIRef  # method
    offset: URIRef  # offset
    provisionNumber: URIRef  # provision number
    rawLength: URIRef  # raw length
    reviewDate: URIRef  # review date
    roleTitle: URIRef  # role title
    sha256: URIRef  # SHA-256
    Build: URIRef  # Build
    InputFile: URIRef  # Input file
    softwareVersion: URIRef  # software version
    fileChecksum: URIRef  # file checksum
    inputRole: URIRef  # input role
    documentCount: URIRef  # document count
    factCount: URIRef  # fact count
    tripleCount: URIRef  # triple count
    start: URIRef  # start
    statementText: URIRef  # statement text
    text: URIRef  # text

    # Concept schemes
    TransferKindScheme: URIRef  # Transfer kinds
    TransferStatusScheme: URIRef  # Transfer statuses
    HarmKindScheme: URIRef  # Harm kinds
    AssuranceKindScheme: URIRef  # Assurance kinds
    RightScheme: URIRef  # Rights
    RiskFactorScheme: URIRef  # Risk factors
    DecisionKindScheme: URIRef  # Decision kinds
    DatePrecisionScheme: URIRef  # Date precisions
    ReviewStatusScheme: URIRef  # Review statuses

    # Concepts of dakg:TransferKindScheme
    Rendition: URIRef  # rendition
    Deportation: URIRef  # deportation
    Removal: URIRef  # removal
    Extradition: URIRef  # extradition
    Expulsion: URIRef  # expulsion
    Return: URIRef  # return
    Refoulement: URIRef  # refoulement

    # Concepts of dakg:TransferStatusScheme
    Happened: URIRef  # happened
    Proposed: URIRef  # proposed
    Threatened: URIRef  # threatened
    Halted: URIRef  # halted

    # Concepts of dakg:HarmKindScheme
    Torture: URIRef  # torture
    IllTreatment: URIRef  # ill-treatment
    Detention: URIRef  # detention
    UnfairTrial: URIRef  # unfair trial
    Conviction: URIRef  # conviction
    Death: URIRef  # death
    Disappearance: URIRef  # disappearance
    Harassment: URIRef  # harassment

    # Concepts of dakg:AssuranceKindScheme
    AssuranceSought: URIRef  # assurance sought
    AssuranceGiven: URIRef  # assurance given
    AssuranceReliedOn: URIRef  # assurance relied on
    AssuranceBreached: URIRef  # assurance breached

    # Concepts of dakg:RightScheme
    ProhibitionOfTorture: URIRef  # prohibition of torture
    RightToLife: URIRef  # right to life
    RightToFairTrial: URIRef  # right to a fair trial
    RightToLiberty: URIRef  # right to liberty
    FreedomFromSlavery: URIRef  # freedom from slavery
    FreedomFromEnforcedDisappearance: URIRef  # freedom from enforced disappearance
    ProhibitionOfUnderageRecruitment: URIRef  # prohibition of underage recruitment
    RightToPrivateAndFamilyLife: URIRef  # right to private and family life

    # Concepts of dakg:RiskFactorScheme
    SystematicTorture: URIRef  # systematic torture
    TargetedGroup: URIRef  # targeted group
    PersonalRisk: URIRef  # personal risk
    OnwardTransfer: URIRef  # onward transfer
    NoEffectiveControl: URIRef  # no effective control

    # Concepts of dakg:DecisionKindScheme
    Judgment: URIRef  # judgment
    AdmissibilityDecision: URIRef  # admissibility decision
    InterimMeasures: URIRef  # interim measures
    Views: URIRef  # views
    ConcludingObservations: URIRef  # concluding observations
    ExecutiveDecision: URIRef  # executive decision

    # Concepts of dakg:DatePrecisionScheme
    DayPrecision: URIRef  # day
    MonthPrecision: URIRef  # month
    YearPrecision: URIRef  # year

    # Concepts of dakg:ReviewStatusScheme
    Extracted: URIRef  # extracted
    Unsure: URIRef  # unsure
    Confirmed: URIRef  # confirmed
    Corrected: URIRef  # corrected
    Rejected: URIRef  # rejected

    # Factors for weighing assurances (dakg:AssuranceFactorScheme)
    AssuranceFactorScheme: URIRef  # Factors for weighing assurances
    VagueAssurances: URIRef  # general and vague assurances
    PoorComplianceRecord: URIRef  # poor record with similar assurances
    NoVerification: URIRef  # compliance cannot be verified
    NoProtectionSystem: URIRef  # no effective system of protection against torture
    PriorIllTreatment: URIRef  # previously ill-treated there
    NoDomesticReview: URIRef  # reliability not examined by the sending state's courts
    namesFactor: URIRef  # names factor

    # Obligations on a transfer's date
    BindingStatusScheme: URIRef  # Binding statuses
    Bound: URIRef  # bound
    BindingUncertain: URIRef  # uncertain
    Happening: URIRef  # Happening
    includesFact: URIRef  # includes fact
    principalFact: URIRef  # principal fact
    sourcesDisagreeOn: URIRef  # sources disagree on
    TreatyStandingScheme: URIRef  # Treaty standings
    NotParty: URIRef  # not a party
    SignatoryNotParty: URIRef  # signatory, not a party
    TreatyStanding: URIRef  # Treaty standing
    TreatyTable: URIRef  # Treaty table
    standingFrom: URIRef  # standing from
    standingUntil: URIRef  # standing until
    asOf: URIRef  # as of
    ObligationKindScheme: URIRef  # Obligation kinds
    NonRefoulementObligation: URIRef  # non-refoulement
    TortureProhibitionObligation: URIRef  # prohibition of torture
    regardsTransfer: URIRef  # regards transfer
    bindingStatus: URIRef  # binding status
    obligationKind: URIRef  # obligation kind
    qualifiedBy: URIRef  # qualified by
    partySince: URIRef  # party since
    citedText: URIRef  # cited text
