// Row types of the tables, as Kysely sees them through CamelCasePlugin. Keep in step with migrations/.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type GeneratedId = Generated<number>;
/** jsonb: read as parsed JSON, written as a JSON string (pg sends objects as JSON too). */
type Json = ColumnType<unknown, string | null, string | null>;

export interface OrgTypesTable {
  code: string;
  nameVi: string;
  nameEn: string;
  isDepartment: Generated<boolean>;
  sortOrder: Generated<number>;
  version: Generated<number>;
  holdsMembers: Generated<boolean>;
}

export interface OrgTypeRulesTable {
  parentType: string;
  childType: string;
}

export type OrgStatus = "active" | "dissolved" | "merged" | "split";

export interface OrganisationsTable {
  id: GeneratedId;
  code: string;
  name: string;
  searchKey: string;
  typeCode: string;
  parentId: number | null;
  path: string;
  validFrom: string;
  validTo: string | null;
  status: Generated<OrgStatus>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface OrgVersionsTable {
  id: GeneratedId;
  orgId: number;
  validFrom: string;
  validTo: string | null;
  name: string;
  searchKey: string;
  typeCode: string;
  parentId: number | null;
  eventId: number | null;
}

export type OrgEventKind = "create" | "rename" | "move" | "merge" | "split" | "dissolve";

export interface OrgEventsTable {
  id: GeneratedId;
  kind: OrgEventKind;
  effectiveDate: string;
  reason: string | null;
  decisionRef: string | null;
  actorId: number | null;
  recordedAt: Timestamp;
}

export type OrgEventRole = "subject" | "source" | "target" | "moved_child";

export interface OrgEventPartsTable {
  eventId: number;
  orgId: number;
  role: OrgEventRole;
  /** What the event did to this organisation: {oldName, newName, oldParent, newParent, …} (0003). */
  details: ColumnType<Record<string, string | null>, string | undefined, string>;
}

export interface OrgLineageTable {
  eventId: number;
  predecessorId: number;
  successorId: number;
  effectiveDate: string;
}

export type Role = "system_admin" | "committee_leader" | "committee_staff" | "cell_secretary" | "member";

export interface AccountsTable {
  id: GeneratedId;
  username: string;
  displayName: string;
  searchKey: string;
  passwordHash: string;
  mustChangePassword: Generated<boolean>;
  disabledAt: Timestamp | null;
  totpSecret: string | null;
  totpEnabled: Generated<boolean>;
  failedSignIns: Generated<number>;
  lockedUntil: Timestamp | null;
  locale: Generated<"vi" | "en">;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RoleAssignmentsTable {
  id: GeneratedId;
  accountId: number;
  role: Role;
  orgId: number;
  createdAt: Timestamp;
}

export interface SessionsTable {
  tokenHash: string;
  accountId: number;
  csrfToken: string;
  secondFactorPending: Generated<boolean>;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  expiresAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: GeneratedId;
  occurredAt: Timestamp;
  actorId: number | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: number | null;
  orgPath: string | null;
  before: Json;
  after: Json;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

export interface SystemSettingsTable {
  key: string;
  value: Json;
  updatedAt: Timestamp;
}

export type MemberStatus =
  | "probationary"
  | "full"
  | "transferred_out"
  | "deceased"
  | "name_deleted"
  | "expelled"
  | "left";
export type MemberActivity = "regular" | "temporary" | "exempt";
export type MemberEventKind =
  | "admission"
  | "confirmation"
  | "transfer_internal"
  | "transfer_external"
  | "temporary_activity"
  | "regular_activity"
  | "exemption"
  | "death"
  | "name_deletion"
  | "expulsion"
  | "leaving"
  | "correction"
  | "card_issue"
  | "import";
export type MemberEventState = "done" | "pending" | "refused" | "cancelled";

export interface MemberPostTypesTable {
  code: string;
  kind: "party" | "government" | "mass";
  nameVi: string;
  nameEn: string;
  sortOrder: Generated<number>;
}

export interface MembersTable {
  id: GeneratedId;
  orgId: number;
  fullName: string;
  searchKey: string;
  sortKey: string;
  otherNames: string | null;
  sex: "male" | "female";
  birthDate: string;
  birthPlace: string | null;
  homeTown: string | null;
  ethnicity: Generated<string>;
  religion: Generated<string>;
  citizenId: string | null;
  cardNumber: string | null;
  admittedOn: string;
  fullMemberOn: string | null;
  educationGeneral: string | null;
  educationProfessional: Generated<string>;
  theoryLevel: Generated<string>;
  occupation: string | null;
  status: Generated<MemberStatus>;
  statusSince: string;
  activity: Generated<MemberActivity>;
  awards: string | null;
  discipline: string | null;
  version: Generated<number>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface MemberCellsTable {
  id: GeneratedId;
  memberId: number;
  orgId: number;
  validFrom: string;
  validTo: string | null;
  eventId: number | null;
}

export interface MemberEventsTable {
  id: GeneratedId;
  memberId: number;
  kind: MemberEventKind;
  occurredOn: string;
  state: Generated<MemberEventState>;
  fromOrgId: number | null;
  toOrgId: number | null;
  destination: string | null;
  decisionRef: string | null;
  note: string | null;
  statusBefore: string | null;
  statusAfter: string | null;
  recordedBy: number | null;
  decidedBy: number | null;
  createdAt: Timestamp;
  decidedAt: Date | null;
}

export interface MemberPostsTable {
  id: GeneratedId;
  memberId: number;
  postType: string;
  orgId: number | null;
  heldAt: string | null;
  startedOn: string;
  endedOn: string | null;
}

export interface Database {
  orgTypes: OrgTypesTable;
  orgTypeRules: OrgTypeRulesTable;
  organisations: OrganisationsTable;
  orgVersions: OrgVersionsTable;
  orgEvents: OrgEventsTable;
  orgEventParts: OrgEventPartsTable;
  orgLineage: OrgLineageTable;
  accounts: AccountsTable;
  roleAssignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  auditLog: AuditLogTable;
  systemSettings: SystemSettingsTable;
  memberPostTypes: MemberPostTypesTable;
  members: MembersTable;
  memberCells: MemberCellsTable;
  memberEvents: MemberEventsTable;
  memberPosts: MemberPostsTable;
  memberImports: MemberImportsTable;
  memberImportRows: MemberImportRowsTable;
  documentTypes: DocumentTypesTable;
  documentIssuers: DocumentIssuersTable;
  committeeTerms: CommitteeTermsTable;
  documents: DocumentsTable;
  documentTexts: DocumentTextsTable;
  documentRecipients: DocumentRecipientsTable;
  documentReach: DocumentReachTable;
  documentFiles: DocumentFilesTable;
  documentRelations: DocumentRelationsTable;
  documentCascades: DocumentCascadesTable;
  documentCascadeTargets: DocumentCascadeTargetsTable;
  notifications: NotificationsTable;
  notificationReads: NotificationReadsTable;
  documentUploads: DocumentUploadsTable;
  clearSets: ClearSetsTable;
  taskPlans: TaskPlansTable;
  tasks: TasksTable;
  taskSupports: TaskSupportsTable;
  taskMilestones: TaskMilestonesTable;
  taskReports: TaskReportsTable;
  taskReportFiles: TaskReportFilesTable;
  emailOutbox: EmailOutboxTable;
}

export type OrgTypeRow = Selectable<OrgTypesTable>;
export type OrganisationRow = Selectable<OrganisationsTable>;
export type OrgVersionRow = Selectable<OrgVersionsTable>;
export type OrgEventRow = Selectable<OrgEventsTable>;
export type AccountRow = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type RoleAssignmentRow = Selectable<RoleAssignmentsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberCellRow = Selectable<MemberCellsTable>;
export type MemberEventRow = Selectable<MemberEventsTable>;
export type MemberPostRow = Selectable<MemberPostsTable>;

export interface MemberImportsTable {
  id: GeneratedId;
  orgId: number;
  accountId: number | null;
  fileName: string;
  sha256: string;
  format: "xlsx" | "csv";
  status: Generated<"parsing" | "validating" | "ready" | "committing" | "committed" | "failed">;
  progress: Generated<number>;
  errorCode: string | null;
  errorMessage: string | null;
  sheetName: string | null;
  notes: ColumnType<string[], string | undefined, string>;
  headerRow: number | null;
  headerCells: ColumnType<unknown[], string | undefined, string>;
  encoding: "tcvn3" | "vni" | null;
  mapping: ColumnType<unknown[], string | undefined, string>;
  matchDecision: Generated<"update" | "skip" | "merge">;
  counts: ColumnType<Record<string, number>, string | undefined, string>;
  result: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
  createdAt: Timestamp;
  committedAt: Date | null;
}

export interface MemberImportRowsTable {
  importId: number;
  rowNumber: number;
  raw: ColumnType<unknown[], string, string>;
  record: ColumnType<unknown, string | null, string | null>;
  problems: ColumnType<unknown[], string | undefined, string>;
  matchKind: "citizen_id" | "card_number" | "name_birth" | null;
  matchMemberId: number | null;
  duplicateOf: number | null;
  decision: "update" | "skip" | "merge" | null;
  outcome: "create" | "update" | "merge" | "skip" | "unchanged" | "reject";
}

// --- directive register (migration 0010) ------------------------------------------------------------

export interface DocumentTypesTable {
  id: GeneratedId;
  system: "party" | "state";
  abbreviation: string;
  nameVi: string;
  nameEn: string;
  isPlan: Generated<boolean>;
  legacy: Generated<boolean>;
  sortOrder: Generated<number>;
}

export interface DocumentIssuersTable {
  code: string;
  nameVi: string;
  nameEn: string;
  level: "central" | "province" | "district" | "grassroots" | "state";
  legacy: Generated<boolean>;
  sortOrder: Generated<number>;
}

export interface CommitteeTermsTable {
  id: GeneratedId;
  orgId: number | null;
  issuerCode: string | null;
  label: string;
  startsOn: string;
  endsOn: string | null;
}

export interface DocumentsTable {
  id: GeneratedId;
  ownerOrgId: number;
  issuingOrgId: number | null;
  system: "party" | "state";
  typeId: number;
  typeAbbreviation: string;
  number: string | null;
  issuerCodes: ColumnType<string[], string[] | undefined, string[]>;
  symbol: string | null;
  termId: number | null;
  numberKey: string | null;
  issuedOn: string | null;
  place: string | null;
  subject: Generated<string>;
  signer: string | null;
  status: Generated<"in_force" | "amended" | "replaced" | "expired">;
  confidentiality: Generated<"normal" | "confidential" | "secret" | "top_secret">;
  isPlaceholder: Generated<boolean>;
  citation: string | null;
  citationKey: string | null;
  textSource: "docx" | "pdf" | "txt" | "manual" | "none" | null;
  /** Written with to_tsvector / setweight SQL expressions; read rarely. */
  searchTsv: ColumnType<string, unknown, unknown>;
  /** Generated from search_tsv (its A and B weights, migration 0012); never written. */
  searchHead: ColumnType<string, never, never>;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface DocumentTextsTable {
  documentId: number;
  body: string;
}

export interface DocumentRecipientsTable {
  documentId: number;
  orgId: number;
}

/** Derived by triggers (migration 0014): the organisations a document reaches, with their paths. */
export interface DocumentReachTable {
  documentId: number;
  orgId: number;
  path: string;
}

export interface DocumentFilesTable {
  id: GeneratedId;
  documentId: number;
  fileName: string;
  mediaType: string;
  kind: "docx" | "pdf" | "image" | "txt";
  sizeBytes: number;
  sha256: string;
  hasTextLayer: boolean | null;
  pageCount: number | null;
  content: Buffer;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface DocumentRelationsTable {
  id: GeneratedId;
  fromDocumentId: number;
  toDocumentId: number;
  kind: "implements" | "replaces" | "amends" | "guides" | "refers_to";
  origin: "text" | "manual";
  quote: string | null;
  quoteStart: number | null;
  quoteEnd: number | null;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface DocumentCascadesTable {
  id: GeneratedId;
  documentId: number;
  deadline: string;
  selection: Json;
  note: string | null;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface DocumentCascadeTargetsTable {
  cascadeId: number;
  orgId: number;
  lastRemindedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface NotificationsTable {
  id: GeneratedId;
  /** Addressed to the accounts holding a role on this organisation, or (null) only to accountId. */
  orgId: number | null;
  accountId: ColumnType<number | null, number | null | undefined, number | null>;
  kind: string;
  titleVi: string;
  titleEn: string;
  bodyVi: Generated<string>;
  bodyEn: Generated<string>;
  link: string | null;
  dedupeKey: string | null;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface NotificationReadsTable {
  notificationId: number;
  accountId: number;
  readAt: Timestamp;
}

export interface DocumentUploadsTable {
  id: Generated<string>;
  accountId: number | null;
  fileName: string;
  mediaType: string;
  kind: "docx" | "pdf" | "image" | "txt";
  sizeBytes: number;
  sha256: string;
  hasTextLayer: boolean | null;
  pageCount: number | null;
  content: Buffer;
  body: Generated<string>;
  createdAt: Timestamp;
}

// ── Five-clears tasks (migration 0015) ──

export interface ClearSetsTable {
  orgId: number;
  /** ClearDefinition[] of @namro/domain. */
  clears: Json;
  version: Generated<number>;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export type ProgressFormula = "average" | "weighted" | "status";

export interface TaskPlansTable {
  documentId: number;
  progressFormula: Generated<ProgressFormula>;
  version: Generated<number>;
  updatedBy: number | null;
  updatedAt: Timestamp;
}

export type TaskKind = "task" | "breakthrough" | "remediation";
export type TaskSchedule = "once" | "monthly" | "quarterly" | "yearly" | "continuous";
export type ReportFrequency = "monthly" | "quarterly" | "half_yearly" | "yearly";
export type TaskState = "active" | "paused" | "cancelled";

export interface TasksTable {
  /** BY DEFAULT identity: a cascade may reserve ids with nextval('tasks_id_seq'). */
  id: Generated<number>;
  kind: Generated<TaskKind>;
  planDocumentId: number | null;
  parentId: number | null;
  treePath: string;
  ownerOrgId: number;
  ownerPath: string;
  leadOrgId: number | null;
  orgPath: string;
  responsibleAccountId: number | null;
  responsibleName: string | null;
  title: string;
  description: Generated<string>;
  searchKey: string;
  startDate: string | null;
  dueDate: string | null;
  schedule: Generated<TaskSchedule>;
  reportFrequency: ReportFrequency | null;
  deliverable: string | null;
  targetValue: number | null;
  targetUnit: string | null;
  weight: Generated<number>;
  state: Generated<TaskState>;
  stateReason: string | null;
  stateChangedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The ancestor whose pause or cancel put this task in its state (migration 0022); null: its own. */
  stateSetByTaskId: number | null;
  progressPercent: Generated<number>;
  actualValue: number | null;
  completedOn: string | null;
  lastReportAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lastReportedPeriodEnd: string | null;
  hasChildren: Generated<boolean>;
  missingClears: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  createdBy: number | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TaskSupportsTable {
  taskId: number;
  orgId: number;
  path: string;
}

export interface TaskMilestonesTable {
  id: GeneratedId;
  taskId: number;
  title: string;
  dueDate: string;
  doneOn: string | null;
  sortOrder: Generated<number>;
}

export type TaskReportStatus = "submitted" | "returned" | "accepted";

export interface TaskReportsTable {
  id: GeneratedId;
  taskId: number;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  percent: number;
  actualValue: number | null;
  narrative: Generated<string>;
  completedOn: string | null;
  status: Generated<TaskReportStatus>;
  returnReason: string | null;
  submittedBy: number | null;
  submittedAt: Timestamp;
  reviewedBy: number | null;
  reviewedAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
}

export interface TaskReportFilesTable {
  id: GeneratedId;
  reportId: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  content: Buffer;
  createdBy: number | null;
  createdAt: Timestamp;
}

export interface EmailOutboxTable {
  id: GeneratedId;
  toAddress: string;
  subject: string;
  bodyText: string;
  dedupeKey: string | null;
  status: Generated<"pending" | "sent" | "failed">;
  attempts: Generated<number>;
  lastError: string | null;
  nextAttemptAt: Timestamp;
  createdAt: Timestamp;
  sentAt: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type TaskRow = Selectable<TasksTable>;
export type NewTask = Insertable<TasksTable>;
export type TaskReportRow = Selectable<TaskReportsTable>;
