"""Reading: a report file (.docx or its tab-led text export) -> a Report of Event records, each cell cleaned
and its dates, participant count and format read (`report.read_report`)."""
