public enum SamplePortfolio {}
