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
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE TABLE [ApiKeys] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(256) NOT NULL,
        [KeyHash] nvarchar(64) NOT NULL,
        [Scopes] nvarchar(256) NOT NULL,
        [SiteCodes] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_ApiKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
        [Components] nvarchar(max) NULL,
        [Files] nvarchar(max) NULL,
        CONSTRAINT [PK_InventoryReports] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
        [InventoryTime] datetime2 NULL,
        [FirstSeen] datetime2 NOT NULL,
        [LastSeen] datetime2 NOT NULL,
        CONSTRAINT [PK_Machines] PRIMARY KEY ([MachineName])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
        [SourceMachine] nvarchar(15) NULL,
        [AccountDomain] nvarchar(256) NULL,
        [ReceivedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SecurityEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
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
        [Attributes] nvarchar(max) NULL,
        CONSTRAINT [PK_StatusMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApiKeys_KeyHash] ON [ApiKeys] ([KeyHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InventoryReports_MachineName_Time] ON [InventoryReports] ([MachineName], [Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Machines_Domain] ON [Machines] ([Domain]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Machines_SiteCode_Platform] ON [Machines] ([SiteCode], [Platform]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SecurityEvents_Computer_EventRecordId] ON [SecurityEvents] ([Computer], [EventRecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_SourceMachine_TimeCreated] ON [SecurityEvents] ([SourceMachine], [TimeCreated]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_TargetUserName_Kind_TimeCreated] ON [SecurityEvents] ([TargetUserName], [Kind], [TimeCreated]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_AdvertisementId_MessageId] ON [StatusMessages] ([AdvertisementId], [MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_StatusMessages_MachineName_RecordId] ON [StatusMessages] ([MachineName], [RecordId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_MachineName_Time] ON [StatusMessages] ([MachineName], [Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_Win32Code_Time] ON [StatusMessages] ([Win32Code], [Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124001546_InitialSchema'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124001546_InitialSchema', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    DROP INDEX [IX_SecurityEvents_TargetUserName_Kind_TimeCreated] ON [SecurityEvents];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    DROP INDEX [IX_Machines_SiteCode_Platform] ON [Machines];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    ALTER TABLE [SecurityEvents] ADD [AccountKey] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    ALTER TABLE [Machines] ADD [Verdict] nvarchar(16) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
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
        CONSTRAINT [PK_AdvertisementMachineStatuses] PRIMARY KEY ([AdvertisementId], [MachineName])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
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
        [Version] int NOT NULL,
        CONSTRAINT [PK_Findings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
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
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
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
        CONSTRAINT [PK_FindingEvidence] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FindingEvidence_Findings_FindingId] FOREIGN KEY ([FindingId]) REFERENCES [Findings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_SecurityEvents_AccountKey_Kind_TimeCreated] ON [SecurityEvents] ([AccountKey], [Kind], [TimeCreated]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_Machines_SiteCode_Platform_Verdict] ON [Machines] ([SiteCode], [Platform], [Verdict]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_Machines_Smsapm32Version] ON [Machines] ([Smsapm32Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_AdvertisementMachineStatuses_MachineName] ON [AdvertisementMachineStatuses] ([MachineName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FindingEvidence_FindingId_Source_SourceId] ON [FindingEvidence] ([FindingId], [Source], [SourceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_Findings_MachineName_State] ON [Findings] ([MachineName], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Findings_Rule_Key] ON [Findings] ([Rule], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    CREATE INDEX [IX_Findings_Rule_State] ON [Findings] ([Rule], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124003305_AddFindingsAndCoverage'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124003305_AddFindingsAndCoverage', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124004234_TuneStatusMessageIndexes'
)
BEGIN
    DROP INDEX [IX_StatusMessages_AdvertisementId_MessageId] ON [StatusMessages];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124004234_TuneStatusMessageIndexes'
)
BEGIN
    DROP INDEX [IX_StatusMessages_Win32Code_Time] ON [StatusMessages];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124004234_TuneStatusMessageIndexes'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_AdvertisementId_MachineName] ON [StatusMessages] ([AdvertisementId], [MachineName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124004234_TuneStatusMessageIndexes'
)
BEGIN
    CREATE INDEX [IX_StatusMessages_Time] ON [StatusMessages] ([Time]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124004234_TuneStatusMessageIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124004234_TuneStatusMessageIndexes', N'10.0.15');
END;

COMMIT;
GO

