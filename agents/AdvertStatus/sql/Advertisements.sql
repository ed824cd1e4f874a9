-- Advertisements (program offers) with their package, program and collection, and whether the program
-- runs with the Windows NT client Software Installation account.
SELECT po.OfferID AS AdvertisementID, po.SourceSite AS SiteCode, po.PkgID AS PackageID, pkg.Name AS PackageName,
       po.ProgramName, po.CollectionID,
       CAST(CASE WHEN (prog.ProgramFlags & 0x00008000) <> 0 THEN 1 ELSE 0 END AS bit) AS UsesSoftwareInstallationAccount
FROM ProgramOffers AS po
LEFT JOIN SMSPackages AS pkg ON pkg.PkgID = po.PkgID
LEFT JOIN PkgPrograms AS prog ON prog.PkgID = po.PkgID AND prog.ProgramName = po.ProgramName;
