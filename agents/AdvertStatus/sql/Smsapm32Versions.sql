-- The Smsapm32.exe file version of each client, from software inventory: what tells whether it has the Q307434 fix.
SELECT sys.Name0 AS MachineName, sys.SMS_Assigned_Sites0 AS SiteCode, sys.Resource_Domain_OR_Workgr0 AS Domain,
       sys.Operating_System_Name_and0 AS ClientOs, sf.FileVersion, sf.FilePath, si.LastUpdateDate AS Time
FROM SoftwareInventory AS si
JOIN SoftwareFile AS sf ON sf.FileID = si.FileID
JOIN System_DISC AS sys ON sys.ItemKey = si.ClientId
WHERE sf.FileName = N'Smsapm32.exe'
  AND (@Since IS NULL OR si.LastUpdateDate >= @Since);
