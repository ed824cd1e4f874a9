-- The attributes (400 package, 401 advertisement, 402 collection, ...) of the status messages in a RecordID range.
SELECT attr.RecordID, attr.AttributeID, attr.AttributeValue
FROM StatusMessageAttributes AS attr
WHERE attr.RecordID BETWEEN @FirstRecordID AND @LastRecordID
ORDER BY attr.RecordID, attr.AttributeID;
