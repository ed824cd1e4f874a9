IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AdvertisementMachineStatuses] (
        [AdvertisementId] nvarchar(32) NOT NULL,
        [MachineName] nvarchar(15) NOT NULL,
        [SiteCode] nvarchar(3) NULL,
        [Received] int NOT NULL,
        [Failures] int NOT NULL,
        [ProgramsStarted] int NOT NULL,
        [ProgramErrors] int NOT NULL,
        [ProgramSuccess] int NOT NULL,
        [LastMessageId] int NULL,
        [LastTime] datetime2 NULL,
        [LastWin32Code] bigint NULL,
        [SucceededThisRun] bit NULL,
        [AgedOutBefore] datetime2 NULL,
        [AgedReceived] int NOT NULL,
        [AgedFailures] int NOT NULL,
        [AgedProgramsStarted] int NOT NULL,
        [AgedProgramErrors] int NOT NULL,
        [AgedProgramSuccess] int NOT NULL,
        [AgedSucceededThisRun] bit NOT NULL,
        [AgedLastMessageId] int NULL,
        [AgedLastTime] datetime2 NULL,
        [AgedLastWin32Code] bigint NULL,
        CONSTRAINT [PK_AdvertisementMachineStatuses] PRIMARY KEY ([AdvertisementId], [MachineName])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Advertisements] (
        [AdvertisementId] nvarchar(32) NOT NULL,
        [SiteCode] nvarchar(3) NULL,
        [PackageId] nvarchar(32) NULL,
        [PackageName] nvarchar(4000) NULL,
        [ProgramName] nvarchar(4000) NULL,
        [CollectionId] nvarchar(32) NULL,
        [UsesSoftwareInstallationAccount] bit NOT NULL,
        [SoftwareInstallationAccount] nvarchar(256) NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Advertisements] PRIMARY KEY ([AdvertisementId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NOT NULL,
        [KeyHash] nvarchar(64) NOT NULL,
        [Scopes] nvarchar(256) NOT NULL,
        [SiteCodes] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [LastUsedAt] datetime2 NULL,
        [RevokedAt] datetime2 NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [Disabled] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AuditLog] (
        [Id] bigint NOT NULL IDENTITY,
        [Time] datetime2 NOT NULL,
        [Actor] nvarchar(264) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [Target] nvarchar(272) NULL,
        [Detail] nvarchar(4000) NULL,
        CONSTRAINT [PK_AuditLog] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [ChangeCounters] (
        [Name] nvarchar(32) NOT NULL,
        [Value] bigint NOT NULL,
        CONSTRAINT [PK_ChangeCounters] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [DataSources] (
        [Kind] nvarchar(24) NOT NULL,
        [Name] nvarchar(256) NOT NULL,
        [FirstReceivedAt] datetime2 NOT NULL,
        [LastReceivedAt] datetime2 NOT NULL,
        [ItemsReceived] bigint NOT NULL,
        [ItemsStored] bigint NOT NULL,
        [Duplicates] bigint NOT NULL,
        [Conflicts] bigint NOT NULL,
        CONSTRAINT [PK_DataSources] PRIMARY KEY ([Kind], [Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [DemoDatasets] (
        [Id] int NOT NULL,
        [Seed] int NOT NULL,
        [Machines] int NOT NULL,
        [Items] int NOT NULL,
        [LoadedAt] datetime2 NOT NULL,
        [Seconds] float NOT NULL,
        CONSTRAINT [PK_DemoDatasets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Domains] (
        [Name] nvarchar(256) NOT NULL,
        [Mode] nvarchar(16) NULL,
        [DomainControllers] nvarchar(max) NOT NULL,
        [LockoutThreshold] int NULL,
        [LockoutObservationMinutes] int NULL,
        [LockoutDurationMinutes] int NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Domains] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [FailureHours] (
        [Hour] datetime2 NOT NULL,
        [Error1317Failures] int NOT NULL,
        CONSTRAINT [PK_FailureHours] PRIMARY KEY ([Hour])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Findings] (
        [Id] bigint NOT NULL IDENTITY,
        [Rule] nvarchar(64) NOT NULL,
        [Key] nvarchar(296) NOT NULL,
        [State] nvarchar(16) NOT NULL,
        [MachineName] nvarchar(15) NULL,
        [SiteCode] nvarchar(3) NULL,
        [AdvertisementId] nvarchar(32) NULL,
        [Domain] nvarchar(256) NULL,
        [Account] nvarchar(256) NULL,
        [Count] int NOT NULL,
        [FirstSeen] datetime2 NOT NULL,
        [LastSeen] datetime2 NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [StateChangedAt] datetime2 NOT NULL,
        [AcknowledgedBy] nvarchar(256) NULL,
        [AcknowledgedAt] datetime2 NULL,
        [ResolvedBy] nvarchar(256) NULL,
        [ResolvedAt] datetime2 NULL,
        [Version] int NOT NULL,
        [ChangeSequence] bigint NOT NULL,
        [EvidenceAgedOutBefore] datetime2 NULL,
        CONSTRAINT [PK_Findings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [IngestionBatches] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] nvarchar(24) NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [CommitToken] uniqueidentifier NOT NULL,
        [ProjectedAt] datetime2 NULL,
        [Stored] int NOT NULL,
        [Sources] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_IngestionBatches] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [InventoryReports] (
        [Id] bigint NOT NULL IDENTITY,
        [MachineName] nvarchar(15) NOT NULL,
        [SiteCode] nvarchar(3) NOT NULL,
        [Domain] nvarchar(256) NULL,
        [ClientOs] nvarchar(256) NULL,
        [Platform] nvarchar(16) NULL,
        [Role] nvarchar(16) NOT NULL,
        [Time] datetime2 NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [BatchId] bigint NOT NULL,
        [Fingerprint] nchar(32) NULL,
        [Components] nvarchar(max) NULL,
        [Files] nvarchar(max) NULL,
        CONSTRAINT [PK_InventoryReports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [LockoutSummaries] (
        [Domain] nvarchar(256) NOT NULL,
        [AccountKey] nvarchar(256) NOT NULL,
        [Account] nvarchar(256) NOT NULL,
        [Count] int NOT NULL,
        [FirstLockout] datetime2 NOT NULL,
        [LastLockout] datetime2 NOT NULL,
        [DomainControllers] nvarchar(max) NOT NULL,
        [CallerComputers] nvarchar(max) NULL,
        CONSTRAINT [PK_LockoutSummaries] PRIMARY KEY ([Domain], [AccountKey])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Machines] (
        [MachineName] nvarchar(15) NOT NULL,
        [SiteCode] nvarchar(3) NULL,
        [Domain] nvarchar(256) NULL,
        [ClientOs] nvarchar(256) NULL,
        [Platform] nvarchar(16) NULL,
        [Role] nvarchar(16) NOT NULL,
        [Smsapm32Version] nvarchar(64) NULL,
        [Verdict] nvarchar(16) NOT NULL,
        [InventoryTime] datetime2 NULL,
        [FirstSeen] datetime2 NOT NULL,
        [LastSeen] datetime2 NOT NULL,
        CONSTRAINT [PK_Machines] PRIMARY KEY ([MachineName])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [ProjectionLeases] (
        [Name] nvarchar(32) NOT NULL,
        [Holder] nvarchar(256) NULL,
        [ExpiresAt] datetime2 NOT NULL,
        [ProjectedThrough] bigint NOT NULL,
        CONSTRAINT [PK_ProjectionLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [ReportSchedules] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NOT NULL,
        [Report] nvarchar(64) NOT NULL,
        [Query] nvarchar(2000) NOT NULL,
        [Cron] nvarchar(100) NOT NULL,
        [Recipients] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [NextDueAt] datetime2 NOT NULL,
        [LastSentAt] datetime2 NULL,
        [LastRowCount] int NULL,
        [LastError] nvarchar(1000) NULL,
        [LastErrorAt] datetime2 NULL,
        CONSTRAINT [PK_ReportSchedules] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [RuleSettings] (
        [Id] int NOT NULL,
        [LockoutThreshold] int NOT NULL,
        [LockoutWindowMinutes] int NOT NULL,
        [CorrelationWindowMinutes] int NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [UpdatedBy] nvarchar(264) NULL,
        CONSTRAINT [PK_RuleSettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [SecurityEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [EventId] int NOT NULL,
        [Kind] int NOT NULL,
        [TimeCreated] datetime2 NOT NULL,
        [Computer] nvarchar(256) NOT NULL,
        [EventRecordId] bigint NOT NULL,
        [TargetUserName] nvarchar(256) NULL,
        [TargetDomainName] nvarchar(256) NULL,
        [TargetSid] nvarchar(256) NULL,
        [CallerComputerName] nvarchar(256) NULL,
        [Workstation] nvarchar(256) NULL,
        [IpAddress] nvarchar(64) NULL,
        [Status] nvarchar(64) NULL,
        [SubStatus] nvarchar(64) NULL,
        [LogonType] int NULL,
        [ProcessName] nvarchar(4000) NULL,
        [SubjectUserName] nvarchar(256) NULL,
        [SubjectDomainName] nvarchar(256) NULL,
        [InsertionStrings] nvarchar(max) NOT NULL,
        [AccountKey] nvarchar(256) NULL,
        [SourceMachine] nvarchar(15) NULL,
        [AccountDomain] nvarchar(256) NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [BatchId] bigint NOT NULL,
        [Fingerprint] nchar(32) NULL,
        CONSTRAINT [PK_SecurityEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Sites] (
        [SiteCode] nvarchar(3) NOT NULL,
        [Smsapm32SourceVersion] nvarchar(64) NULL,
        [FirstSeen] datetime2 NOT NULL,
        [LastSeen] datetime2 NOT NULL,
        CONSTRAINT [PK_Sites] PRIMARY KEY ([SiteCode])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [StatusMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [RecordId] nvarchar(64) NOT NULL,
        [MachineName] nvarchar(15) NOT NULL,
        [SiteCode] nvarchar(3) NOT NULL,
        [Time] datetime2 NOT NULL,
        [ReceivedAt] datetime2 NOT NULL,
        [MessageId] int NOT NULL,
        [Severity] bigint NULL,
        [Component] nvarchar(4000) NULL,
        [ModuleName] nvarchar(4000) NULL,
        [Win32Error] bigint NULL,
        [Win32Code] bigint NULL,
        [AdvertisementId] nvarchar(32) NULL,
        [PackageId] nvarchar(32) NULL,
        [PackageName] nvarchar(4000) NULL,
        [ProgramName] nvarchar(4000) NULL,
        [CollectionId] nvarchar(32) NULL,
        [UserName] nvarchar(4000) NULL,
        [DistributionPoint] nvarchar(4000) NULL,
        [Text] nvarchar(max) NULL,
        [ClientOs] nvarchar(256) NULL,
        [Domain] nvarchar(256) NULL,
        [InsertionStrings] nvarchar(max) NOT NULL,
        [BatchId] bigint NOT NULL,
        [Fingerprint] nchar(32) NULL,
        [Attributes] nvarchar(max) NULL,
        CONSTRAINT [PK_StatusMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [TrendHours] (
        [Hour] datetime2 NOT NULL,
        [TakenAt] datetime2 NOT NULL,
        [TakenBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_TrendHours] PRIMARY KEY ([Hour])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [TrendSnapshots] (
        [Hour] datetime2 NOT NULL,
        [SiteCode] nvarchar(3) NOT NULL,
        [AffectedWorkstations] int NOT NULL,
        [OpenError1317] int NOT NULL,
        [OpenQ307434] int NOT NULL,
        [OpenQ264714] int NOT NULL,
        [OpenLocalInstallAccountAfterFix] int NOT NULL,
        [OpenRepeatedLockout] int NOT NULL,
        [Lockouts] int NULL,
        [Fixed] int NOT NULL,
        [Vulnerable] int NOT NULL,
        [Unknown] int NOT NULL,
        CONSTRAINT [PK_TrendSnapshots] PRIMARY KEY ([Hour], [SiteCode])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [Webhooks] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NOT NULL,
        [Url] nvarchar(2000) NOT NULL,
        [Format] nvarchar(16) NOT NULL,
        [Secret] nvarchar(200) NULL,
        [Rules] nvarchar(max) NOT NULL,
        [Sites] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [DeliveredThrough] bigint NOT NULL,
        [LastSuccessAt] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        [LastErrorAt] datetime2 NULL,
        [FailingSince] datetime2 NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetime2 NULL,
        CONSTRAINT [PK_Webhooks] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [UserPreferences] (
        [UserId] nvarchar(450) NOT NULL,
        [Key] nvarchar(64) NOT NULL,
        [Value] nvarchar(1000) NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_UserPreferences] PRIMARY KEY ([UserId], [Key]),
        CONSTRAINT [FK_UserPreferences_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [FindingEvidence] (
        [Id] bigint NOT NULL IDENTITY,
        [FindingId] bigint NOT NULL,
        [Source] int NOT NULL,
        [SourceId] bigint NOT NULL,
        [Time] datetime2 NOT NULL,
        [Counts] bit NOT NULL,
        [Machine] nvarchar(15) NULL,
        [Reporter] nvarchar(256) NULL,
        [Description] nvarchar(1000) NOT NULL,
        [AdvertisementId] nvarchar(32) NULL,
        CONSTRAINT [PK_FindingEvidence] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FindingEvidence_Findings_FindingId] FOREIGN KEY ([FindingId]) REFERENCES [Findings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE TABLE [FindingOpenings] (
        [Sequence] bigint NOT NULL,
        [FindingId] bigint NOT NULL,
        [Reopened] bit NOT NULL,
        [OpenedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_FindingOpenings] PRIMARY KEY ([Sequence]),
        CONSTRAINT [FK_FindingOpenings_Findings_FindingId] FOREIGN KEY ([FindingId]) REFERENCES [Findings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Value') AND [object_id] = OBJECT_ID(N'[ChangeCounters]'))
        SET IDENTITY_INSERT [ChangeCounters] ON;
    EXEC(N'INSERT INTO [ChangeCounters] ([Name], [Value])
    VALUES (N''findings'', CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'Value') AND [object_id] = OBJECT_ID(N'[ChangeCounters]'))
        SET IDENTITY_INSERT [ChangeCounters] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'ExpiresAt', N'Holder', N'ProjectedThrough') AND [object_id] = OBJECT_ID(N'[ProjectionLeases]'))
        SET IDENTITY_INSERT [ProjectionLeases] ON;
    EXEC(N'INSERT INTO [ProjectionLeases] ([Name], [ExpiresAt], [Holder], [ProjectedThrough])
    VALUES (N''projector'', ''1970-01-01T00:00:00.0000000Z'', NULL, CAST(0 AS bigint)),
    (N''webhooks'', ''1970-01-01T00:00:00.0000000Z'', NULL, CAST(0 AS bigint))');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Name', N'ExpiresAt', N'Holder', N'ProjectedThrough') AND [object_id] = OBJECT_ID(N'[ProjectionLeases]'))
        SET IDENTITY_INSERT [ProjectionLeases] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AdvertisementMachineStatuses_MachineName] ON [AdvertisementMachineStatuses] ([MachineName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_KeyHash] ON [ApiKeys] ([KeyHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_ApiKeys_Name] ON [ApiKeys] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_Email] ON [AspNetUsers] ([Email]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AuditLog_Action_Id] ON [AuditLog] ([Action], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AuditLog_Actor_Id] ON [AuditLog] ([Actor], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AuditLog_Time] ON [AuditLog] ([Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FindingEvidence_FindingId_Source_SourceId] ON [FindingEvidence] ([FindingId], [Source], [SourceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_FindingEvidence_FindingId_Time] ON [FindingEvidence] ([FindingId], [Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_FindingEvidence_Time] ON [FindingEvidence] ([Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_FindingOpenings_FindingId] ON [FindingOpenings] ([FindingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_FindingOpenings_OpenedAt] ON [FindingOpenings] ([OpenedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Findings_ChangeSequence] ON [Findings] ([ChangeSequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Findings_MachineName_Rule_State] ON [Findings] ([MachineName], [Rule], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Findings_Rule_Key] ON [Findings] ([Rule], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Findings_Rule_State] ON [Findings] ([Rule], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_IngestionBatches_CommitToken] ON [IngestionBatches] ([CommitToken]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_IngestionBatches_ProjectedAt_Id] ON [IngestionBatches] ([ProjectedAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_InventoryReports_BatchId] ON [InventoryReports] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InventoryReports_MachineName_Time] ON [InventoryReports] ([MachineName], [Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Machines_Domain] ON [Machines] ([Domain]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Machines_SiteCode_Platform_Verdict_Role] ON [Machines] ([SiteCode], [Platform], [Verdict], [Role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Machines_Smsapm32Version] ON [Machines] ([Smsapm32Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_ReportSchedules_NextDueAt] ON [ReportSchedules] ([NextDueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_AccountKey_Kind_TimeCreated] ON [SecurityEvents] ([AccountKey], [Kind], [TimeCreated]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_BatchId] ON [SecurityEvents] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SecurityEvents_Computer_EventRecordId] ON [SecurityEvents] ([Computer], [EventRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_SourceMachine_TimeCreated] ON [SecurityEvents] ([SourceMachine], [TimeCreated]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_BatchId] ON [StatusMessages] ([BatchId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StatusMessages_MachineName_RecordId] ON [StatusMessages] ([MachineName], [RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_Time] ON [StatusMessages] ([Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_TrendSnapshots_SiteCode_Hour] ON [TrendSnapshots] ([SiteCode], [Hour]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202215353_InitialSchema'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202215353_InitialSchema', N'10.0.15');
END;

COMMIT;
GO

