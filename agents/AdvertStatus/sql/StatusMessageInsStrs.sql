-- The insertion strings (%1..%10, in order) of the status messages in a RecordID range.
SELECT ins.RecordID, ins.InsStrIndex, ins.InsStrValue
FROM StatusMessageInsStrs AS ins
WHERE ins.RecordID BETWEEN @FirstRecordID AND @LastRecordID
ORDER BY ins.RecordID, ins.InsStrIndex;
