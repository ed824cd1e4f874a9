-- Advertised Programs Manager status messages newer than a RecordID bookmark, from the SMS 2.0 site
-- database (StatusMessages; insertion strings and attributes are read by the two queries below).
-- The client's OS and domain come from its discovery record.
SELECT TOP (@BatchSize)
       sm.RecordID, sm.MachineName, sm.SiteCode, sm.Time, sm.MessageID, sm.Severity, sm.Win32Error,
       sm.Component, sm.ModuleName,
       sys.Operating_System_Name_and0 AS ClientOs, sys.Resource_Domain_OR_Workgr0 AS Domain
FROM StatusMessages AS sm
LEFT JOIN System_DISC AS sys ON sys.Name0 = sm.MachineName
WHERE sm.RecordID > @AfterRecordID
  AND sm.MessageID BETWEEN 10000 AND 10022
  AND (@Since IS NULL OR sm.Time >= @Since)
ORDER BY sm.RecordID;
