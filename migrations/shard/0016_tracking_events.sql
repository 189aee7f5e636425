-- Carrier tracking events (issue 23): each parcel keeps the carrier's scans as one JSON
-- array, read and written with its parcel row. A parcel's scans are bounded
-- (MAX_TRACKING_EVENTS_PER_PARCEL) and only ever read whole, with their shipment, so a
-- table of their own would add a read to every shipment render for nothing. Null until the
-- first scan: an untracked parcel pays one header byte.
ALTER TABLE `shipment_parcels` ADD `tracking_events` text;
