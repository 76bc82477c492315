"""Resolution: mentions -> one IRI per real person, organisation and place across events and reports, with the
analysts' corrections applied (`resolve`)."""
