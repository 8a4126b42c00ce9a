"""Importing who came to an event (EVENTS.md): registration lists, Teams attendance reports and Zoom reports.

    from network.attendance import AttendanceOptions, run_attendance_import
    result = run_attendance_import(actor=user, file=path, file_name="aanwezig.csv", event=event,
                                   options=AttendanceOptions(dry_run=True))

Reading the file, finding the header, names, e-mail and matching reuse the contact-import pipeline
(network.importing); this package only knows the meeting tools' report layouts, rejoins and durations.
"""

from .run import AttendanceOptions, AttendanceResult, run_attendance_import

__all__ = ["AttendanceOptions", "AttendanceResult", "run_attendance_import"]
