import Foundation
import Testing
import TestHarness

/// The documented semantics as a user meets them through the binary: distinct persons across a
/// merger, and weekly figures on both evaluation paths.
@Suite(.scratch) struct BoundaryAndWeekEndToEndTests {
    static let definitions = """
        series t.kinderen {
          title "Unieke kinderen"
          unit persons
          time none
          geo none
        }
        series w.count {
          title "Per week"
          unit count
        }
        indicator t_kinderen {
          title "Unieke kinderen"
          criterion context
          better lower
          unit persons
          value t.kinderen
        }
        indicator w_count {
          title "Telling per week"
          criterion context
          better none
          unit count
          value w.count
        }
        """

    /// GM0001 + GM0002 → GM0003 on 2019-01-01; 2018: 300 and 200 children, 2019: 400. Someone known
    /// in both old municipalities would be counted twice in 500, so the diff is not comparable.
    @Test func aMergerDoesNotSumDistinctPersons() throws {
        let directory = try Self.project()
        let geography = directory + "/geography"
        try FileManager.default.createDirectory(atPath: geography, withIntermediateDirectories: true)
        try "code,name,level,kind,valid_from,valid_until\nGM0001,Oud A,gemeente,area,,2019-01-01\nGM0002,Oud B,gemeente,area,,2019-01-01\nGM0003,Nieuw,gemeente,area,2019-01-01,\n"
            .write(toFile: geography + "/units.csv", atomically: true, encoding: .utf8)
        try "old,new,effective,weight\nGM0001,GM0003,2019-01-01,1\nGM0002,GM0003,2019-01-01,1\n"
            .write(toFile: geography + "/successions.csv", atomically: true, encoding: .utf8)
        let store = directory + "/store.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", geography, "--store", store]).status == 0)
        let rows = "series,geo,period,value\nt.kinderen,GM0001,2018,300\nt.kinderen,GM0002,2018,200\nt.kinderen,GM0003,2019,400\n"
        try rows.write(toFile: directory + "/k.csv", atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "csv", directory + "/k.csv", "--store", store]).status == 0)
        let diff = try ImpactBinary.run(["diff", "2018", "2019", "--geo", "GM0003", "--indicator", "t_kinderen", "--format", "csv",
                                         "--store", store, "--indicators", directory + "/definitions"])
        #expect(diff.status == 0, "\(diff.stderr)")
        #expect(diff.stdout.contains("t_kinderen,GM0003,2018,2019,,400,,,not_comparable,none,"), "\(diff.stdout)")
        #expect(diff.stdout.contains("a non-additive value cannot be mapped"), "\(diff.stdout)")
    }

    /// 2020-W01 … 2020-W53 at 10 each, week 3 not delivered: no month, quarter or year is made of
    /// weeks, and `--as-of` (raw observations) prints what the maintained rollups print.
    @Test func weeksAnswerWeeksOnBothPaths() throws {
        let directory = try Self.project()
        let store = directory + "/store.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", ImpactBinary.projectRoot + "/fixtures/geography", "--store", store]).status == 0)
        let rows = "series,geo,period,value\n" + (1...53).filter { $0 != 3 }
            .map { "w.count,GM0758,2020-W\($0 < 10 ? "0" : "")\($0),10" }.joined(separator: "\n") + "\n"
        try rows.write(toFile: directory + "/w.csv", atomically: true, encoding: .utf8)
        let definitions = ["--indicators", directory + "/definitions"]
        let imported = try ImpactBinary.run(["import", "csv", directory + "/w.csv", "--store", store] + definitions)
        #expect(imported.status == 0, "\(imported.stderr)")
        let batch = try #require(imported.stderr.split(separator: " ").dropFirst(2).first.map { $0.dropLast() }).description
        for period in ["2020", "2020-01", "2020-Q1", "2020-W02..2020-W04"] {
            let request = ["eval", "--indicator", "w_count", "--geo", "GM0758", "--period", period, "--format", "csv", "--no-cache",
                           "--store", store] + definitions
            let current = try ImpactBinary.run(request)
            let asOf = try ImpactBinary.run(request + ["--as-of", batch])
            #expect(current.status == 0 && asOf.status == 0, "\(current.stderr)\(asOf.stderr)")
            #expect(current.stdout == asOf.stdout, "\(period): rollups\n\(current.stdout)raw\n\(asOf.stdout)")
            if !period.contains("W") { #expect(current.stdout.contains(",missing,"), "\(period): \(current.stdout)") }
        }
    }

    /// A folder with the definitions, in a fresh temporary directory.
    static func project() throws -> String {
        let directory = ImpactBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/definitions", withIntermediateDirectories: true)
        try definitions.write(toFile: directory + "/definitions/t.ind", atomically: true, encoding: .utf8)
        return directory
    }
}
